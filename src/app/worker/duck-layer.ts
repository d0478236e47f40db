/**
 * A large candidate file held in DuckDB rather than in JS. Its rows come from a DuckDB query
 * (read_csv over the dropped file) block by block; each block is checked by the block reader's JS
 * rules and staged in DuckDB (src/db/stage-rows.ts), the whole-file decisions are made in SQL
 * (settle-rows.ts: swaps, missing and duplicate ids, column types, notes) — the same rows loaded
 * or rejected, with the same reasons, as toLayer gives. The kept rows become table `candidates`
 * (compressed: the worker's database is attached with COMPRESS) and JS keeps only lon/lat as typed
 * arrays, for the kernel and the map. Ids and attributes are read back from DuckDB when a run or a
 * lookup needs them (hydrateLayer).
 */
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import type { LayerReport, PointLayer, Reject } from '../../data/layer.ts';
import type { AddressGeocoder } from '../../data/place-rows.ts';
import type { RawTable, RawValue } from '../../io/raw-table.ts';
import type { BlockDatabase } from '../../db/block-database.ts';
import { layerColumns } from '../../db/layer-table.ts';
import { dropTableSql, quoteIdentifier } from '../../db/sql.ts';
import { RowStager } from '../../db/stage-rows.ts';
import { settleRows } from '../../db/settle-rows.ts';

/** A point layer whose ids and attributes live in DuckDB table `table`; JS holds its positions. */
export interface DuckLayer {
  layer: 'candidates';
  table: string;
  lon: Float64Array;
  lat: Float64Array;
  /** The layer's attribute columns: its name for them (`numeric`/`text` keys), the table's column, the kind. */
  columns: { name: string; column: string; kind: 'double' | 'text' }[];
}

/** Rows per block checked in JS and staged (the JS side holds one block of text at a time). */
const BLOCK_ROWS = 65_536;
/**
 * Appended rows stay uncompressed until a checkpoint: without one, DuckDB-WASM's memory grew ~11 MB
 * per block (5 M rows: ~840 MB), with one every two blocks (a row group) it stays flat.
 */
const CHECKPOINT_BLOCKS = 2;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

/** Whole records of a file as RawTables, each with its first record's 0-based index in the file. */
export type RowBlocks = AsyncIterable<{ table: RawTable; firstRow: number }>;

/** A query's rows as blocks of BLOCK_ROWS (cells as DuckDB gives them: text, NULL for empty). */
export async function* queryBlocks(db: BlockDatabase, file: string, columns: string[], sql: string, progress: (rows: number) => void = () => undefined): AsyncGenerator<{ table: RawTable; firstRow: number }> {
  let values: RawValue[][] = columns.map(() => []);
  let firstRow = 0;
  let rows = 0;
  const block = (): { table: RawTable; firstRow: number } => {
    const table: RawTable = { file, columns, values: Object.fromEntries(columns.map((c, k) => [c, values[k]])), rowCount: rows - firstRow, notes: [] };
    return { table, firstRow };
  };
  for await (const chunk of db.chunks(sql, { filesOnly: true })) {
    chunk.forEach((column, c) => {
      const out = values[c];
      for (let i = 0; i < column.length; i++) out.push(column[i] as RawValue);
    });
    rows += chunk[0]?.length ?? 0;
    if (rows - firstRow >= BLOCK_ROWS) {
      yield block();
      values = columns.map(() => []);
      firstRow = rows;
      progress(rows);
    }
  }
  if (rows > firstRow || rows === 0) yield block();
}

export interface DuckLoadOptions {
  geocoder?: AddressGeocoder;
  minConfidence?: number;
  /** Rows per part of the settling's whole-file queries (settle-rows.ts PART_ROWS; tests give fewer). */
  partRows?: number;
}

/**
 * Reads candidate rows, block by block, into DuckDB table `table`: the report says every row loaded
 * or rejected, as toLayer would.
 */
export async function loadIntoDuckDb(db: BlockDatabase, blocks: RowBlocks, file: string, entry: LayerEntry, table: string, opts: DuckLoadOptions = {}): Promise<{ layer: DuckLayer; report: LayerReport }> {
  const stager = new RowStager(db, entry, { geocoder: opts.geocoder, minConfidence: opts.minConfidence });
  try {
    let staged = 0;
    for await (const block of blocks) {
      await stager.add(block);
      if (++staged % CHECKPOINT_BLOCKS === 0) await db.run('CHECKPOINT');
    }
    const staging = stager.finish();
    if (staging === undefined) throw new Error(`${file} has no data rows`);
    const settled = await settleRows(db, staging, opts.partRows);
    const lon = new Float64Array(settled.loaded);
    const lat = new Float64Array(settled.loaded);
    let kinds: DuckLayer['columns'] = [];
    let at = 0;
    await db.run(dropTableSql(table));
    for await (const { sites } of settled.chunks(BLOCK_ROWS)) {
      const cells = layerColumns(sites);
      if (at === 0) {
        await db.createTable(table, cells);
        // layerColumns' order after id, lon, lat: the numeric columns, then the text ones
        const names = [...Object.keys(sites.numeric), ...Object.keys(sites.text)];
        kinds = cells.slice(3).map((c, k) => ({ name: names[k], column: c.name, kind: c.kind }));
      }
      if (sites.ids.length > 0) await db.append(table, cells);
      if (++staged % CHECKPOINT_BLOCKS === 0) await db.run('CHECKPOINT');
      lon.set(sites.lon, at);
      lat.set(sites.lat, at);
      at += sites.ids.length;
    }
    const rejects: Reject[] = [];
    for await (const part of settled.rejects()) for (const r of part) rejects.push(r);
    const report: LayerReport = { layer: entry.layer, file, read: settled.read, loaded: settled.loaded, rejected: settled.rejected, rejects, notes: settled.notes };
    return { layer: { layer: 'candidates', table, lon, lat, columns: kinds }, report };
  } finally {
    await db.run(`${dropTableSql('staged')}; ${dropTableSql('late')}`);
  }
}

/** The layer as a JS point layer, ids and attributes read from its table (for a run, then let go). */
export async function hydrateLayer(db: BlockDatabase, duck: DuckLayer): Promise<PointLayer> {
  const n = duck.lon.length;
  const ids: string[] = [];
  const numeric: Record<string, Float64Array> = {};
  const text: Record<string, string[]> = {};
  for (const c of duck.columns) {
    if (c.kind === 'double') numeric[c.name] = new Float64Array(n);
    else text[c.name] = [];
  }
  const select = ['id', ...duck.columns.map((c) => quoteIdentifier(c.column))].join(', ');
  let at = 0;
  // in the table's order, which DuckDB keeps (preserve_insertion_order): ORDER BY rowid sorted all 5 M rows first
  for await (const [id, ...cells] of db.chunks(`SELECT ${select} FROM ${quoteIdentifier(duck.table)}`)) {
    for (let i = 0; i < id.length; i++) ids.push(str(id[i]));
    duck.columns.forEach((c, k) => {
      const values = cells[k];
      if (c.kind === 'double') {
        const out = numeric[c.name];
        for (let i = 0; i < values.length; i++) out[at + i] = num(values[i]);
      } else {
        const out = text[c.name];
        for (let i = 0; i < values.length; i++) out.push(str(values[i]));
      }
    });
    at += id.length;
  }
  return { kind: 'point', layer: duck.layer, ids, lon: duck.lon, lat: duck.lat, numeric, text };
}
