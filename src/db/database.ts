/**
 * One database interface for every surface: DuckDB-WASM in Node (src/node/duckdb.ts) and in the
 * browser's Web Worker (src/db/duckdb-browser.ts) run the same SQL behind it.
 *
 * Results are plain rows with numbers, strings, booleans and null only (BIGINT and DECIMAL come back
 * as JS numbers, dates as epoch milliseconds), so Node and the browser give identical values.
 */
import type { Layer } from '../data/layer.ts';
import type { LayerColumn } from './layer-table.ts';

export type QueryParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

export interface Database {
  /** Runs SQL; `params` bind to `?` placeholders (a prepared statement), never pasted into the text. */
  query(sql: string, params?: QueryParam[]): Promise<Row[]>;
  /**
   * Creates (or replaces) table `table` from a layer: `id`, then `lon`, `lat` (points) or `name`,
   * `geometry` as GeoJSON text (polygons), then every numeric column as DOUBLE and every text column
   * as VARCHAR. Missing values (NaN, '') become NULL.
   */
  insertLayer(table: string, layer: Layer): Promise<void>;
  /** Creates (or replaces) table `table` from equally long columns (DOUBLE or VARCHAR; NaN and '' become NULL). */
  insertColumns(table: string, columns: readonly LayerColumn[]): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. `SELECT * FROM read_parquet('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
