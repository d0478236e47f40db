/**
 * The sites `siteselect score` scores, whichever way they come: a candidate file read block by
 * block into DuckDB (table-blocks.ts → stage-rows.ts → settle-rows.ts; a file only the whole-file
 * reader can judge is read whole, through the same staging), or a bundle's candidates layer already
 * in memory. Either way they are handed out in chunks in file order, with their rejects. Node only.
 */
import type { LayerEntry } from '../data/bundle-manifest.ts';
import type { LayerReport, LoadedBundle, PointLayer } from '../data/layer.ts';
import type { AddressGeocoder } from '../data/place-rows.ts';
import type { CompanionReader } from '../io/read-shapefile.ts';
import { inTransaction, type NativeDatabase } from './duckdb-native.ts';
import { loadedRows, studyAreaSplitter } from '../score/compared-sites.ts';
import type { OutsideReason } from '../score/outside-study-area.ts';
import { settleRows, type SettledRows } from '../db/settle-rows.ts';
import { RowStager } from '../db/stage-rows.ts';
import { ReadWhole, tableBlocks, wholeFile, type TableBlock } from './table-blocks.ts';

export type CandidateSites = SettledRows;

function slice(sites: PointLayer, start: number, end: number): PointLayer {
  const numeric = Object.fromEntries(Object.entries(sites.numeric).map(([k, v]) => [k, v.subarray(start, end)]));
  const text = Object.fromEntries(Object.entries(sites.text).map(([k, v]) => [k, v.slice(start, end)]));
  return { kind: 'point', layer: sites.layer, ids: sites.ids.slice(start, end), lon: sites.lon.subarray(start, end), lat: sites.lat.subarray(start, end), numeric, text };
}

/** A layer already loaded (the bundle's candidates) and its report. */
export function layerSites(layer: PointLayer, report: LayerReport): CandidateSites {
  const n = layer.ids.length;
  const fileRows = loadedRows(report, n);
  let rejects = report.rejects;
  const sites: CandidateSites = {
    file: report.file, read: report.read, loaded: n, rejected: report.rejected, notes: report.notes,
    geocoded: layer.text.placed_by !== undefined,
    async *chunks(rows: number) {
      for (let start = 0; start < n || start === 0; start += rows) {
        const end = Math.min(n, start + rows);
        yield { sites: slice(layer, start, end), rows: fileRows?.slice(start, end) ?? new Int32Array(end - start) };
      }
    },
    exclude(more) {
      rejects = [...rejects, ...more].sort((a, b) => a.row - b.row);
      sites.loaded -= more.length;
      sites.rejected += more.length;
      return Promise.resolve();
    },
    async *rejects() {
      yield rejects;
    },
  };
  return sites;
}

/** What the compared sites were: why the others were left out, and how the compared ones were placed. */
export interface ComparedTally {
  outside: OutsideReason[];
  placedBy: Record<string, number>;
}

/**
 * The sites inside the study area, chunk by chunk; the others are moved to the rejects as they
 * pass, their reasons added to `tally.outside` (outsideNotes words them).
 */
export async function* comparedChunks(bundle: LoadedBundle, sites: CandidateSites, rows: number, tally: ComparedTally): AsyncGenerator<PointLayer> {
  const split = studyAreaSplitter(bundle);
  for await (const chunk of sites.chunks(rows)) {
    const compared = split(chunk.sites, chunk.rows);
    await sites.exclude(compared.rejects);
    tally.outside.push(...compared.reasons);
    for (const p of compared.sites.text.placed_by ?? []) tally.placedBy[p] = (tally.placedBy[p] ?? 0) + 1;
    yield compared.sites;
  }
}

export interface FileSitesOptions {
  /** Geocodes rows that have an address and no coordinates. */
  gazetteer?: PointLayer;
  minConfidence?: number;
  companion?: CompanionReader;
  /** Bytes of text a CSV block decodes [8 MiB]. */
  blockBytes?: number;
}

/** The geocoder loads only when there is a gazetteer (as loadLayerFile's). */
async function geocoderFor(gazetteer: PointLayer | undefined): Promise<AddressGeocoder | undefined> {
  if (gazetteer === undefined) return undefined;
  const { buildGeocoder } = await import('../geocode/index.ts');
  return buildGeocoder(gazetteer);
}

/** The candidate file at `path` (named `name` in messages and rejects), staged in `db`. */
export async function fileSites(db: NativeDatabase, path: string, name: string, entry: LayerEntry, opts: FileSitesOptions = {}): Promise<CandidateSites> {
  const stager = { geocoder: await geocoderFor(opts.gazetteer), minConfidence: opts.minConfidence };
  const stage = async (blocks: AsyncGenerator<TableBlock, string[]>): Promise<CandidateSites> => {
    const rows = new RowStager(db, entry, stager);
    let notes: string[];
    try {
      notes = await inTransaction(db, async () => {
        let next = await blocks.next();
        for (; !next.done; next = await blocks.next()) await rows.add(next.value);
        return next.value;
      });
    } finally {
      // a row that ends the read (a whole-file error) must still close the file
      await blocks.return([]);
    }
    const staging = rows.finish();
    if (staging === undefined) throw new ReadWhole('no rows');
    const settled = await settleRows(db, staging);
    settled.notes.unshift(...notes);
    return settled;
  };
  try {
    return await stage(tableBlocks(path, name, entry, opts));
  } catch (error) {
    if (!(error instanceof ReadWhole)) throw error;
    return stage(wholeFile(path, name, entry, opts));
  }
}
