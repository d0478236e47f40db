/**
 * Pass 2 over a streamed candidate file: the file is read again beside the sites' records on disk
 * (settled, scored, ranked: all in file order). For each chunk of records, its loaded sites become
 * a small level and layer — numbers from the records, the id and text cells from the file — and
 * the output table's own code (siteTable, tableText) makes each written row's line, which goes to
 * the bucket of its output position (rank-buckets.ts); for Parquet output the line is the row's
 * cells as JSON, read back in order into the writer's batches. Returns the summary's best ten.
 */
import type { ColumnPlan } from '../../data/column-plan.ts';
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import { toNumber, toText } from '../../data/raw-values.ts';
import type { RawTable } from '../../io/raw-table.ts';
import type { CriterionColumn, LevelResult } from '../../score/types.ts';
import type { ScoreOutcome } from './arrange.ts';
import { BlockWriter } from './block-writer.ts';
import { RecordCursor } from './disk/record-file.ts';
import { StringCursor } from './disk/string-file.ts';
import { RankBuckets } from './rank-buckets.ts';
import type { ScoreArgs } from './score-args.ts';
import { siteTable } from './site-table.ts';
import { fixedNumeric, type LayerColumn } from './stream-columns.ts';
import * as F from './stream-fields.ts';
import { PLACED_BY, rowId, type ChunkMeasure } from './stream-measure.ts';
import { CONTEXT_RAW, OUT_REGION, SCORE, type ScoredSites } from './stream-points.ts';
import { GROUP_RANK, KEPT, POSITION, RANK, RANKED_WIDTH, type RankedSites } from './stream-rank.ts';
import type { SettledSites } from './stream-settle.ts';
import { PARQUET_BATCH, parquetRow, writeParquetBatches, type ParquetCell, type ParquetColumns } from './write-parquet.ts';
import { tableText, type TableFormat } from './write-table.ts';

export interface WriteInput {
  args: ScoreArgs;
  bundle: LoadedBundle;
  format: TableFormat;
  out: string;
  /** The run's scratch folder (the output buckets go there). */
  scratch: string;
  measure: ChunkMeasure;
  sites: SettledSites;
  scored: ScoredSites;
  ranked: RankedSites;
  geocoded: boolean;
  /** The file's chunks again (pass 2). */
  chunks: AsyncIterable<{ table: RawTable; firstRow: number }>;
}

/** The sites' records, read in step, site after site. */
class SiteCursors {
  readonly site: RecordCursor;
  readonly scored: RecordCursor;
  readonly ranked: RecordCursor;
  readonly reasons: StringCursor;
  reason = '';
  has: boolean;

  constructor(sites: SettledSites, scored: ScoredSites, ranked: RankedSites) {
    this.site = new RecordCursor(sites.file, sites.width);
    this.scored = new RecordCursor(scored.file, scored.width);
    this.ranked = new RecordCursor(ranked.file, RANKED_WIDTH);
    this.reasons = new StringCursor(sites.reasons);
    this.has = this.advance();
  }

  advance(): boolean {
    this.has = this.site.next();
    if (this.has && !(this.scored.next() && this.ranked.next())) throw new Error('site records out of step');
    this.reason = this.has ? (this.reasons.next() ?? '') : '';
    return this.has;
  }

  close(): void {
    this.site.close();
    this.scored.close();
    this.ranked.close();
    this.reasons.close();
  }
}

/** One chunk's loaded sites as a level and a layer (numbers filled, text cells from the file). */
function chunkSites(input: WriteInput, cur: SiteCursors, raw: RawTable, firstRow: number): { result: LevelResult; layer: PointLayer; region: Int32Array; groupRank: Int32Array; position: Int32Array; site: Int32Array; rows: number[] } {
  const { measure, sites, scored } = input;
  const plan = measure.plan as ColumnPlan;
  const end = firstRow + raw.rowCount;
  const S = sites.width, R = sites.width + scored.width, W = R + RANKED_WIDTH;
  const data = new Float64Array(raw.rowCount * W);
  const rows: number[] = [];
  const reasons: string[] = [];
  const site: number[] = [];
  while (cur.has && cur.site.get(F.ROW) < end) {
    const at = rows.length * W;
    rows.push(cur.site.get(F.ROW) - firstRow);
    reasons.push(cur.reason);
    site.push(cur.site.index);
    data.set(cur.site.block.subarray(cur.site.at, cur.site.at + S), at);
    data.set(cur.scored.block.subarray(cur.scored.at, cur.scored.at + scored.width), at + S);
    data.set(cur.ranked.block.subarray(cur.ranked.at, cur.ranked.at + RANKED_WIDTH), at + R);
    cur.advance();
  }
  const m = rows.length;
  const K = measure.criteria.length;
  const C = scored.context.length;
  const col = (k: number): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = data[i * W + k];
    return out;
  };
  const ints = (k: number): Int32Array => Int32Array.from(col(k));
  const criteria: CriterionColumn[] = [
    ...measure.criteria.map((c, k) => ({ name: c.name, label: c.label, weight: c.weight, raw: col(F.RAW + k), normalised: new Float64Array(0), contribution: col(S + CONTEXT_RAW + C + k) })),
    ...scored.context.map((t, c) => ({ name: t.name, label: t.label, weight: t.weight, raw: col(S + CONTEXT_RAW + c), normalised: new Float64Array(0), contribution: col(S + CONTEXT_RAW + C + K + c) })),
  ];
  const ids = rows.map((r) => rowId(plan, raw, r, firstRow + r));
  const result: LevelResult = {
    level: 'site', ids, names: [], parent: ints(F.DISTRICT), score: col(S + SCORE), rank: ints(R + RANK),
    kept: Uint8Array.from(col(R + KEPT)), criteria, excludedBy: reasons,
  };
  const layer = outputLayer(measure.columns, sites.numeric, m, { ids, lon: col(F.LON), lat: col(F.LAT) }, input.geocoded ? { placedBy: ints(F.PLACED_BY_CODE), confidence: col(F.CONFIDENCE) } : undefined);
  for (const c of fillColumns(measure.columns, sites.numeric, input.geocoded)) {
    const cells = raw.values[c.ref as string];
    if (c.kind === 'numeric') {
      const values = layer.numeric[c.key];
      rows.forEach((r, i) => (values[i] = toNumber(cells[r])));
    } else {
      const values = layer.text[c.key];
      rows.forEach((r, i) => (values[i] = toText(cells[r])));
    }
  }
  return { result, layer, region: ints(S + OUT_REGION), groupRank: ints(R + GROUP_RANK), position: ints(R + POSITION), site: Int32Array.from(site), rows };
}

function numericColumn(c: LayerColumn, numeric: Set<string>): boolean {
  return fixedNumeric(c) || numeric.has(c.key);
}

/** The file's columns whose cells fill the layer (constants are filled at once). */
function fillColumns(columns: LayerColumn[], numeric: Set<string>, geocoded: boolean): LayerColumn[] {
  const fill = columns.filter((c) => typeof c.ref === 'string').map((c) => ({ ...c, kind: numericColumn(c, numeric) ? 'numeric' as const : 'text' as const }));
  // as toLayer: the placement replaces a file column of the same name and type
  return geocoded ? fill.filter((c) => !(c.key === 'placed_by' && c.kind === 'text') && !(c.key === 'geocode_confidence' && c.kind === 'numeric')) : fill;
}

/** The layer the output table reads, with the columns toLayer would give it, in its order. */
function outputLayer(columns: LayerColumn[], numeric: Set<string>, n: number, points: { ids: string[]; lon: Float64Array; lat: Float64Array }, placement?: { placedBy: Int32Array; confidence: Float64Array }): PointLayer {
  const layer: PointLayer = { kind: 'point', layer: 'candidates', ...points, numeric: {}, text: {} };
  for (const c of columns) {
    const isNumeric = numericColumn(c, numeric);
    const constant = typeof c.ref === 'string' ? undefined : c.ref.value;
    if (isNumeric) layer.numeric[c.key] = new Float64Array(n).fill(constant === undefined ? 0 : Number(constant));
    else layer.text[c.key] = new Array<string>(n).fill(constant === undefined ? '' : String(constant));
  }
  if (placement) {
    layer.text.placed_by = Array.from(placement.placedBy, (code) => PLACED_BY[code]);
    layer.numeric.geocode_confidence = placement.confidence;
  }
  return layer;
}

/**
 * A Parquet output's rows from the buckets, in output order, in the writer's batches: each row went
 * into its bucket as a line of JSON (its cells: strings, finite numbers, null).
 */
function* parquetBatches(buckets: RankBuckets): Generator<ParquetCell[][]> {
  let batch: ParquetCell[][] = [];
  for (const bytes of buckets.ordered()) {
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf(0x0a, at);
      batch.push(JSON.parse(bytes.toString('utf8', at, end)) as ParquetCell[]);
      at = end + 1;
      if (batch.length === PARQUET_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  yield batch;
}

export async function writeStreamed(input: WriteInput): Promise<ScoreOutcome['top']> {
  const { args, bundle, format, ranked } = input;
  const topRank = new Map(ranked.top.map((s, k) => [s, k]));
  const top: ScoreOutcome['top'] = [];
  let parquetColumns: ParquetColumns | undefined;
  const buckets = new RankBuckets(input.scratch, ranked.written);
  const cur = new SiteCursors(input.sites, input.scored, ranked);
  let head: { head: string; tail: string } | undefined;
  try {
    for await (const { table: raw, firstRow } of input.chunks) {
      const { result, layer, region, groupRank, position, site } = chunkSites(input, cur, raw, firstRow);
      if (site.length === 0) continue;
      const table = siteTable({ result, sites: layer, bundle, region, groupName: args.per, groupRank });
      const text = format === 'parquet' ? undefined : tableText(table, position.indexOf(0), format);
      head ??= text;
      parquetColumns ??= table.map(({ name, numeric }) => ({ name, numeric }));
      for (let i = 0; i < site.length; i++) {
        const k = topRank.get(site[i]);
        if (k !== undefined) top[k] = { rank: result.rank[i], id: result.ids[i], name: layer.text.name?.[i] || layer.text.address?.[i] || result.ids[i], score: Number(result.score[i].toFixed(2)) };
        if (position[i] < 0) continue;
        buckets.add(position[i], text ? text.line(i) : JSON.stringify(parquetRow(table, i)) + '\n');
      }
    }
    if (format === 'parquet') {
      await writeParquetBatches(input.out, parquetColumns ?? [], parquetBatches(buckets));
      return top;
    }
    const out = await BlockWriter.open(input.out);
    const { head: before, tail } = head ?? tableText([], undefined, format === 'geojson' ? 'geojson' : 'csv');
    await out.write(before);
    await buckets.writeTo(out);
    await out.write(tail);
    await out.close();
    return top;
  } finally {
    cur.close();
    buckets.discard();
  }
}
