/**
 * `siteselect score` over a CSV/TSV --candidates file streamed in blocks (a Parquet file by row
 * group, an Arrow file by record batch: columnar-chunks.ts), with memory bounded
 * whatever the file's length: every per-row number lives in scratch files on disk, and what needs
 * all rows at once is an external sort or a pass over those files.
 * 1. the file in blocks → chunks of records → placed, rejects spilled, one record per placed row
 *    (stream-measure.ts);
 * 2. what only the whole file can say — lat/lon swaps, missing and duplicate ids, column types —
 *    and each site's place in id order (stream-settle.ts);
 * 3. normalise, combine and explain, chunk by chunk (stream-points.ts); rank, keep and shortlist
 *    best first after an external sort (stream-rank.ts);
 * 4. the file is read again and each written row's line goes to the bucket of its output position
 *    (stream-write.ts, rank-buckets.ts); the buckets are written in order.
 * The output is byte for byte the whole-file path's. --sensitivity needs every site's criteria at
 * once (its draws re-rank them all), so a run with it reads the file whole. Node only.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { LoadedBundle } from '../../data/layer.ts';
import type { AddressGeocoder } from '../../data/place-rows.ts';
import type { GeoJsonShape } from '../../io/read-geojson.ts';
import { CsvChunker, type CsvChunk } from '../../io/csv-chunks.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { prepareSiteScoring } from '../../score/score-sites.ts';
import type { ScoreOutcome } from './arrange.ts';
import { collectGarbage } from './collect-garbage.ts';
import type { SortOptions } from './disk/sort-records.ts';
import { RejectSpill } from './reject-spill.ts';
import { withScratchDir } from './scratch-dir.ts';
import type { ScoreArgs } from './score-args.ts';
import { arrowChunks, parquetChunks } from './columnar-chunks.ts';
import { geojsonChunks, scanShape } from './geojson-chunks.ts';
import { ChunkMeasure, StreamFallback } from './stream-measure.ts';
import { scoreStreamed } from './stream-points.ts';
import { rankStreamed } from './stream-rank.ts';
import { settle } from './stream-settle.ts';
import { writeStreamed } from './stream-write.ts';
import { textBlocks } from './text-blocks.ts';
import { rejectsPath } from './write-rejects.ts';
import type { TableFormat } from './write-table.ts';

export const DEFAULT_CHUNK_BYTES = 4 << 20;
/** Memory for each in-memory run of the external sorts. */
export const DEFAULT_SORT_BYTES = 32 << 20;
/** A full collection after about this much of the file (collect-garbage.ts). */
const GC_BYTES = 4 << 20;

export interface StreamRun {
  args: ScoreArgs;
  file: string;
  entry: LayerEntry;
  /** How the file is read in chunks: CSV/TSV in blocks of text, Parquet by row group, Arrow by record batch, GeoJSON by feature. */
  source: 'csv' | 'tsv' | 'parquet' | 'arrow' | 'geojson';
  bundle: LoadedBundle;
  scenario: Scenario;
  kernel: SiteKernel;
  /** Ends the kernel's worker threads: called once pass 1 is done (nothing after it needs them). */
  releaseKernel: () => void;
  out: string;
  rejects: string;
  format: TableFormat;
  bar: (label: string, fraction: number) => void;
}

type Chunks = (blockBytes: number, onFraction?: (fraction: number) => void) => AsyncGenerator<CsvChunk>;

/** Reads the file's records chunk by chunk, as often as asked; what a GeoJSON file's chunks need from all of it is scanned once. */
function chunkReader(run: StreamRun): Chunks {
  let shape: Promise<GeoJsonShape> | undefined;
  return (blockBytes, onFraction) => chunks(run, blockBytes, onFraction, () => (shape ??= scanShape(run.file, run.entry.file)));
}

/** The file's records chunk by chunk; pass 2 reads smaller blocks (no kernel calls to amortise). */
async function* chunks(run: StreamRun, blockBytes: number, onFraction: ((fraction: number) => void) | undefined, geojsonShape: () => Promise<GeoJsonShape>): AsyncGenerator<CsvChunk> {
  if (run.source !== 'csv' && run.source !== 'tsv') {
    const pieces = run.source === 'parquet' ? parquetChunks(run.file, run.entry.file, onFraction)
      : run.source === 'arrow' ? arrowChunks(run.file, run.entry.file, onFraction)
      : geojsonChunks(run.file, run.entry.file, await geojsonShape(), blockBytes, onFraction);
    for await (const chunk of pieces) {
      yield chunk;
      collectGarbage();
    }
    return;
  }
  const size = (await stat(run.file)).size || 1;
  const chunker = new CsvChunker(run.entry.file, run.source === 'tsv' ? '\t' : undefined);
  let collected = 0;
  for await (const { text, bytesRead } of textBlocks(run.file, blockBytes)) {
    onFraction?.(bytesRead / size);
    const chunk = chunker.push(text);
    if (!chunk) continue;
    yield chunk;
    if (bytesRead - collected >= GC_BYTES) {
      collectGarbage();
      collected = bytesRead;
    }
  }
  const last = chunker.end();
  if (last) yield last;
}

async function geocoderFor(bundle: LoadedBundle): Promise<AddressGeocoder | undefined> {
  if (!bundle.gazetteer) return undefined;
  const { buildGeocoder } = await import('../../geocode/index.ts');
  return buildGeocoder(bundle.gazetteer);
}

/** Throws StreamFallback (nothing written) when the file must be read whole after all. */
export async function streamScore(run: StreamRun): Promise<ScoreOutcome> {
  if (run.args.sensitivity) throw new StreamFallback('--sensitivity re-ranks every site at once');
  return withScratchDir('siteselect-stream-', (scratch, alsoRemove) => streamIn(run, scratch, alsoRemove));
}

async function streamIn(run: StreamRun, scratch: string, alsoRemove: (file: string) => void): Promise<ScoreOutcome> {
  const { args, bundle, scenario, kernel, bar } = run;
  const scoring = await prepareSiteScoring(bundle, scenario, { kernel, onProgress: (stage, f) => bar(stage, 0.3 + 0.05 * f) });
  const rejectsFile = rejectsPath(run.rejects);
  const sort: SortOptions = { runBytes: args.sortBytes ?? DEFAULT_SORT_BYTES, scratch };
  const spill = new RejectSpill(`${rejectsFile}.${process.pid}.part`, run.entry.file);
  alsoRemove(spill.file);
  alsoRemove(spill.indexFile);
  const late = new RejectSpill(path.join(scratch, 'late-rejects.csv'), run.entry.file);
  const geocoder = await geocoderFor(bundle);
  const read = chunkReader(run);
  const measure = new ChunkMeasure({ entry: run.entry, bundle, scenario, scoring, geocoder, minConfidence: args.minConfidence, rejects: spill, scratch });
  try {
    for await (const chunk of read(args.chunkBytes ?? DEFAULT_CHUNK_BYTES, (f) => bar(`scoring ${run.entry.file}`, 0.35 + 0.4 * f))) await measure.add(chunk);
  } finally {
    measure.close();
  }
  run.releaseKernel();
  bar('settling ids', 0.75);
  const sites = settle(measure, measure.crs, sort, late);
  if (sites.n === 0) throw new StreamFallback('no row placed');
  bar('ranking', 0.78);
  const scored = scoreStreamed({ sites, criteria: measure.criteria, scoring, scenario, bundle, per: args.per, sort });
  const ranked = rankStreamed(scored.rankInput, scenario, args, sort);
  const top = await writeStreamed({
    args, bundle, format: run.format, out: run.out, scratch, measure, sites, scored, ranked, geocoded: geocoder !== undefined,
    chunks: read(Math.min(args.chunkBytes ?? DEFAULT_CHUNK_BYTES, 1 << 20), (f) => bar('writing', 0.8 + 0.15 * f)),
  });
  const rejected = spill.count + late.count;
  await spill.finish(rejectsFile, late);
  const counts = sites.placedBy;
  return {
    file: run.entry.file, read: measure.read, rejected, scored: sites.n,
    byCoordinates: counts[0], exact: counts[1], fuzzy: counts[2], written: ranked.written, top,
    warnings: [...scoring.progress.warnings, ...(measure.warnings ?? [])],
  };
}

export { StreamFallback };
