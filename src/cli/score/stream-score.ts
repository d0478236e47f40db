/**
 * `siteselect score` over a CSV/TSV --candidates file streamed in blocks, in two passes, so memory
 * holds numbers per placed row, never the file's text:
 * 1. blocks → chunks of records → placed, rejects spilled, raw criteria kept (stream-measure.ts);
 *    what needs the whole file is settled at the end (stream-settle.ts);
 * 2. normalise, combine, rank and keep over all rows with the engine's buildLevel; shortlist as
 *    the whole-file path does (arrange.ts);
 * 3. the file is read again: each placed row's id and text columns fill the output table's cells
 *    for that row only, its line goes to the bucket of its rank (rank-buckets.ts), and the buckets
 *    are written in rank order. The output is byte for byte the whole-file path's.
 * Parquet output is built in memory (its writer takes whole columns), so with --format parquet
 * the written rows' text is held until the end. Node only.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import type { AddressGeocoder } from '../../data/place-rows.ts';
import { toNumber, toText } from '../../data/raw-values.ts';
import { CsvChunker, type CsvChunk } from '../../io/csv-chunks.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { buildLevel } from '../../score/build-level.ts';
import { RankSorter } from '../../score/rank.ts';
import { contextTerms, siteKeepRule } from '../../score/score-site-set.ts';
import { contextScores, prepareSiteScoring, type SiteScoring } from '../../score/score-sites.ts';
import type { LevelResult } from '../../score/types.ts';
import { arrange, type ScoreOutcome } from './arrange.ts';
import { BlockWriter } from './block-writer.ts';
import { collectGarbage } from './collect-garbage.ts';
import { RankBuckets } from './rank-buckets.ts';
import { RejectSpill } from './reject-spill.ts';
import type { ScoreArgs } from './score-args.ts';
import { siteTable } from './site-table.ts';
import { fixedNumeric, type LayerColumn } from './stream-columns.ts';
import { ChunkMeasure, PLACED_BY, StreamFallback } from './stream-measure.ts';
import { settle, type SettledSites } from './stream-settle.ts';
import { textBlocks } from './text-blocks.ts';
import { rejectsPath } from './write-rejects.ts';
import { tableText, writeTable, type TableFormat } from './write-table.ts';

export const DEFAULT_CHUNK_BYTES = 4 << 20;
/** A full collection after about this much of the file (collect-garbage.ts). */
const GC_BYTES = 4 << 20;

export interface StreamRun {
  args: ScoreArgs;
  file: string;
  entry: LayerEntry;
  delimiter?: string;
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

/** The file's records chunk by chunk; pass 2 reads smaller blocks (no kernel calls to amortise). */
async function* chunks(run: StreamRun, blockBytes: number, onBytes?: (bytes: number) => void): AsyncGenerator<CsvChunk> {
  const chunker = new CsvChunker(run.entry.file, run.delimiter);
  let collected = 0;
  for await (const { text, bytesRead } of textBlocks(run.file, blockBytes)) {
    onBytes?.(bytesRead);
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
  const { args, bundle, scenario, kernel, bar } = run;
  const size = (await stat(run.file)).size || 1;
  const scoring = await prepareSiteScoring(bundle, scenario, { kernel, onProgress: (stage, f) => bar(stage, 0.3 + 0.05 * f) });
  const rejectsFile = rejectsPath(run.rejects);
  const spill = new RejectSpill(`${rejectsFile}.${process.pid}.part`, run.entry.file);
  try {
    const geocoder = await geocoderFor(bundle);
    const measure = new ChunkMeasure({ entry: run.entry, bundle, scenario, scoring, geocoder, minConfidence: args.minConfidence, rejects: spill });
    for await (const chunk of chunks(run, run.args.chunkBytes ?? DEFAULT_CHUNK_BYTES, (b) => bar(`scoring ${run.entry.file}`, 0.35 + 0.4 * (b / size)))) await measure.add(chunk);
    run.releaseKernel();
    const sites = settle(measure, run.entry.crs ?? 'wgs84');
    if (sites.n === 0) throw new StreamFallback('no row placed');
    bar('ranking', 0.75);
    const { result, arranged } = rankSites(run, scoring, measure, sites);
    const warnings = [...scoring.progress.warnings, ...(measure.warnings ?? [])];
    const top = await writeOutput(run, measure.columns, sites, result, arranged, geocoder !== undefined);
    await spill.finish(rejectsFile, sites.late);
    const rejected = spill.count + sites.late.length;
    const counts = [0, 0, 0];
    for (const code of sites.placedBy) counts[code]++;
    return {
      file: run.entry.file, read: measure.read, rejected, scored: sites.n,
      byCoordinates: counts[0], exact: counts[1], fuzzy: counts[2], written: arranged.rows.length, top, warnings,
    };
  } catch (err) {
    spill.discard();
    throw err;
  }
}

export { StreamFallback };

/**
 * Normalise, combine, rank and keep over all placed rows (the engine's buildLevel; ties by the
 * packed ids), then the shortlist. The level comes back with contributions computed and the
 * normalised columns let go (withContributions): the output needs only raw values and points.
 */
function rankSites(run: StreamRun, scoring: SiteScoring, measure: ChunkMeasure, sites: SettledSites): { result: LevelResult; arranged: Arranged } {
  const { scenario } = run;
  const context = contextScores(scoring, sites.district, sites.region);
  const level = buildLevel({
    level: 'site', ids: new Array<string>(sites.n).fill(''), names: [], lon: sites.lon, lat: sites.lat, parent: sites.district,
    criteria: measure.criteria.map((meta, k) => ({ ...meta, raw: sites.raw[k] })),
    context: contextTerms(scenario, context.districtScore, context.regionScore),
    combine: scenario.combine, keepRule: siteKeepRule(scenario, sites.eligible, sites.region), excludedBy: sites.excludedBy,
    sorter: new RankSorter(sites.ids.idOrder()),
  });
  const arranged = arrange(level, sites.lon, sites.lat, run.bundle, scenario, run.args, () => Array.from({ length: sites.n }, (_, i) => sites.ids.get(i)));
  return { result: withContributions(level), arranged };
}

/** The layer the output table reads: numbers now, text cells filled row by row in pass 2. */
function outputLayer(columns: LayerColumn[], sites: SettledSites, ids: string[], geocoded: boolean): { layer: PointLayer; fill: LayerColumn[] } {
  const n = sites.n;
  const layer: PointLayer = { kind: 'point', layer: 'candidates', ids, lon: sites.lon, lat: sites.lat, numeric: {}, text: {} };
  const fill: LayerColumn[] = [];
  for (const c of columns) {
    const numeric = fixedNumeric(c) || sites.numeric.has(c.key);
    if (typeof c.ref !== 'string') {
      if (numeric) layer.numeric[c.key] = new Float64Array(n).fill(Number(c.ref.value));
      else layer.text[c.key] = new Array<string>(n).fill(String(c.ref.value));
      continue;
    }
    if (numeric) layer.numeric[c.key] = new Float64Array(n);
    else layer.text[c.key] = new Array<string>(n).fill('');
    fill.push({ ...c, kind: numeric ? 'numeric' : 'text' });
  }
  if (!geocoded) return { layer, fill };
  // as toLayer: the placement replaces a file column of the same name and type
  layer.text.placed_by = Array.from(sites.placedBy, (code) => PLACED_BY[code]);
  layer.numeric.geocode_confidence = sites.confidence;
  return { layer, fill: fill.filter((c) => !(c.key === 'placed_by' && c.kind === 'text') && !(c.key === 'geocode_confidence' && c.kind === 'numeric')) };
}

type Arranged = ReturnType<typeof arrange>;

/**
 * The level with each criterion's contributions computed and its normalised column let go: the
 * output needs raw values and points only, and a million rows × eleven criteria is 88 MB a copy.
 */
function withContributions(result: LevelResult): LevelResult {
  const none = new Float64Array(0);
  const criteria = result.criteria.map(({ name, label, weight, raw, contribution }) => ({ name, label, weight, raw, contribution, normalised: none }));
  return { ...result, criteria };
}

/**
 * Pass 2: reads the file again; each placed row's cells are set, its line made and put in its
 * rank's bucket, and the cells cleared again (Parquet keeps them: its writer takes whole columns).
 * Returns the summary's best 10 with their ids and names.
 */
async function writeOutput(run: StreamRun, columns: LayerColumn[], sites: SettledSites, result: LevelResult, arranged: Arranged, geocoded: boolean): Promise<ScoreOutcome['top']> {
  const { args, bundle, format, bar } = run;
  const { rows, byRank, region, groupRank, sensitivity } = arranged;
  const ids = result.ids;
  const { layer, fill } = outputLayer(columns, sites, ids, geocoded);
  const table = siteTable({ result, sites: layer, bundle, region, groupName: args.per, groupRank, sensitivity });
  const position = new Int32Array(sites.n).fill(-1);
  rows.forEach((p, k) => (position[p] = k));
  const topRank = new Map(byRank.slice(0, 10).map((p, k) => [p, k]));
  const top: ScoreOutcome['top'] = [];
  const keepCells = format === 'parquet';
  const text = format === 'parquet' ? undefined : tableText(table, rows[0], format);
  const dir = await mkdtemp(path.join(tmpdir(), 'siteselect-score-'));
  const buckets = new RankBuckets(dir, rows);
  try {
    const size = (await stat(run.file)).size || 1;
    let p = 0;
    for await (const { table: raw, firstRow } of chunks(run, Math.min(run.args.chunkBytes ?? DEFAULT_CHUNK_BYTES, 1 << 20), (b) => bar('writing', 0.8 + 0.15 * (b / size)))) {
      for (let r = 0; r < raw.rowCount && p < sites.n; r++) {
        if (sites.row[p] !== firstRow + r) continue;
        ids[p] = sites.ids.get(p);
        for (const c of fill) {
          const cell = raw.values[c.ref as string][r];
          if (c.kind === 'numeric') layer.numeric[c.key][p] = toNumber(cell);
          else layer.text[c.key][p] = toText(cell);
        }
        const k = topRank.get(p);
        if (k !== undefined) top[k] = { rank: result.rank[p], id: ids[p], name: layer.text.name?.[p] || layer.text.address?.[p] || ids[p], score: Number(result.score[p].toFixed(2)) };
        if (text && position[p] >= 0) buckets.add(position[p], text.line(p));
        if (!keepCells) {
          ids[p] = '';
          for (const c of fill) if (c.kind === 'text') layer.text[c.key][p] = '';
        }
        p++;
      }
    }
    if (!text) {
      await writeTable(run.out, table, rows, 'parquet');
      return top;
    }
    const out = await BlockWriter.open(run.out);
    await out.write(text.head);
    await buckets.writeTo(out);
    await out.write(text.tail);
    await out.close();
    return top;
  } finally {
    buckets.discard();
    await rm(dir, { recursive: true, force: true });
  }
}

