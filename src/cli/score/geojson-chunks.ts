/**
 * A GeoJSON FeatureCollection --candidates file read feature by feature, in chunks of records as
 * readGeoJson makes of the whole file. A structural scan (strings, escapes, nesting) cuts the
 * top-level "features" array into its elements, each parsed on its own; everything outside the
 * array (the "skeleton", "features": [] in place of the array) is parsed at the end, so a file that
 * is not valid JSON as a whole is noticed. The table's shape — property columns in first-seen
 * order, feature ids as a column, the declared CRS — needs every feature, so the file is scanned
 * for it once a run (scanShape), before the chunks of either pass. Anything else (a single Feature, a bare geometry, invalid JSON, no
 * features, an unsupported CRS) is handed back (StreamFallback) and read whole, where readGeoJson
 * says what is wrong. Memory holds one chunk of features. Node only.
 */
import { stat } from 'node:fs/promises';
import { featureTable, geoJsonCrs, learnShape, newShape, type GeoJsonShape } from '../../io/read-geojson.ts';
import type { CsvChunk } from '../../io/csv-chunks.ts';
import { StreamFallback } from './stream-measure.ts';
import { textBlocks } from './text-blocks.ts';

const WHITESPACE = /\s/;

/** Cuts a FeatureCollection's text, block by block, into its feature texts and its skeleton. */
class FeatureScanner {
  skeleton = '';
  private depth = 0;
  private inString = false;
  private escape = false;
  /** The last string closed at depth 1 (a member name when a ':' follows). */
  private lastString = '';
  private stringStart = -1;
  private key = '';
  private featuresSeen = 0;
  /** Inside the top-level "features" array (depth 2 is its element level). */
  private inFeatures = false;
  private element = '';
  /** The array has had an element ("[]" may be empty, "[1,]" may not). */
  private hadElement = false;

  /** Feeds text; calls `each` with every complete feature text. */
  push(text: string, each: (feature: string) => void): void {
    let copied = 0; // text[copied, i) still to copy to the skeleton or the element
    const flush = (to: number): void => {
      if (to > copied) {
        if (this.inFeatures) this.element += text.slice(copied, to);
        else this.skeleton += text.slice(copied, to);
      }
      copied = to;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') {
          this.inString = false;
          if (!this.inFeatures && this.depth === 1 && this.stringStart >= 0) this.lastString = this.skeleton.slice(this.stringStart) + text.slice(copied, i + 1);
        }
        continue;
      }
      if (c === '"') {
        this.inString = true;
        if (!this.inFeatures && this.depth === 1) {
          flush(i);
          this.stringStart = this.skeleton.length;
        }
        continue;
      }
      if (this.inFeatures && this.depth === 2) {
        // the array's own level: element boundaries
        if (c === ',' || c === ']') {
          flush(i);
          const element = this.element.trim();
          this.element = '';
          if (element === '' && !(c === ']' && !this.hadElement)) throw new StreamFallback('an empty element in "features"');
          if (element !== '') {
            each(element);
            this.hadElement = true;
          }
          if (c === ']') {
            this.inFeatures = false;
            this.depth = 1;
            copied = i; // the ']' goes to the skeleton
          } else copied = i + 1;
          continue;
        }
        if (c === '{' || c === '[') this.depth++;
        else if (c === '}') throw new StreamFallback('unbalanced "features"');
        continue;
      }
      if (c === '{' || c === '[') {
        if (!this.inFeatures && this.depth === 1 && c === '[' && this.key === 'features') {
          if (++this.featuresSeen > 1) throw new StreamFallback('"features" given twice');
          flush(i + 1);
          this.inFeatures = true;
          this.hadElement = false;
        }
        this.depth++;
        continue;
      }
      if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth < 0) throw new StreamFallback('unbalanced brackets');
        continue;
      }
      if (!this.inFeatures && this.depth === 1) {
        if (c === ':') this.key = this.keyName();
        else if (c === ',') this.key = '';
      }
      if (this.depth === 0 && !WHITESPACE.test(c) && c !== '{') throw new StreamFallback('not a JSON object');
    }
    flush(text.length);
  }

  private keyName(): string {
    try {
      const name: unknown = JSON.parse(this.lastString);
      return typeof name === 'string' ? name : '';
    } catch {
      return '';
    }
  }

  /** The document without its features; throws StreamFallback unless it is a whole FeatureCollection. */
  end(): unknown {
    if (this.inString || this.depth !== 0 || this.inFeatures) throw new StreamFallback('the JSON ends early');
    let doc: unknown;
    try {
      doc = JSON.parse(this.skeleton);
    } catch {
      throw new StreamFallback('not valid JSON');
    }
    if (this.featuresSeen !== 1 || typeof doc !== 'object' || doc === null || (doc as { type?: unknown }).type !== 'FeatureCollection') throw new StreamFallback('not a FeatureCollection');
    return doc;
  }
}

function parseFeature(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StreamFallback('a feature that is not valid JSON');
  }
}

/** The file's shape (every feature's properties and ids, the CRS): scanned once a run, used by both passes. */
export async function scanShape(file: string, label: string): Promise<GeoJsonShape> {
  const scanner = new FeatureScanner();
  const learnt = newShape();
  let count = 0;
  for await (const { text } of textBlocks(file, 4 << 20)) {
    scanner.push(text, (feature) => {
      learnShape(learnt, parseFeature(feature));
      count++;
    });
  }
  const doc = scanner.end();
  if (count === 0) throw new StreamFallback('no features');
  let crs: GeoJsonShape['crs'];
  try {
    crs = geoJsonCrs(label, doc);
  } catch {
    throw new StreamFallback('a coordinate system not converted');
  }
  return { columns: learnt.columns, idColumn: learnt.idColumn, ...(crs ? { crs } : {}) };
}

/** Chunks of features whose text adds up to about `chunkBytes` characters, in the file's `shape`. */
export async function* geojsonChunks(file: string, label: string, shape: GeoJsonShape, chunkBytes: number, onFraction?: (fraction: number) => void): AsyncGenerator<CsvChunk> {
  const size = (await stat(file)).size || 1;
  const scanner = new FeatureScanner();
  let batch: unknown[] = [];
  let batchText = 0;
  let firstRow = 0;
  for await (const { text, bytesRead } of textBlocks(file, Math.min(chunkBytes, 1 << 20))) {
    const ready: CsvChunk[] = [];
    scanner.push(text, (feature) => {
      batch.push(parseFeature(feature));
      batchText += feature.length;
      if (batchText >= chunkBytes) {
        ready.push({ table: featureTable(label, batch, shape), firstRow });
        firstRow += batch.length;
        batch = [];
        batchText = 0;
      }
    });
    yield* ready;
    onFraction?.(bytesRead / size);
  }
  if (batch.length > 0) yield { table: featureTable(label, batch, shape), firstRow };
}
