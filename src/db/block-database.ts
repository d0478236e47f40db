/**
 * A Database for work too large for rows in memory: column blocks in, chunks out. Native DuckDB in
 * Node (src/node/duckdb-native.ts) and DuckDB-WASM (src/db/duckdb-database.ts: Node and the page's
 * worker) both have it, so the block reader's staging and settling (src/db/stage-rows.ts,
 * settle-rows.ts) run on either.
 */
import { Bool, Int32, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import type { Database } from './database.ts';
import { doubleVector, textVector } from './layer-table.ts';
import { checkTableName, quoteIdentifier } from './sql.ts';

/** A column handed to DuckDB as it is held in JS: NaN and '' become NULL. */
export type TableColumn =
  | { name: string; kind: 'double'; values: Float64Array }
  | { name: string; kind: 'integer'; values: Int32Array }
  | { name: string; kind: 'boolean'; values: Uint8Array }
  | { name: string; kind: 'text'; values: readonly string[] };

export const SQL_TYPES: Record<TableColumn['kind'], string> = { double: 'DOUBLE', integer: 'INTEGER', boolean: 'BOOLEAN', text: 'VARCHAR' };

export interface BlockDatabase extends Database {
  /** Runs statements that return nothing worth reading (CREATE, COPY, SET). */
  run(sql: string): Promise<void>;
  /** Creates table `table` with these columns (names quoted). */
  createTable(table: string, columns: readonly Pick<TableColumn, 'name' | 'kind'>[]): Promise<void>;
  /** Appends rows [start, end) of equally long columns. */
  append(table: string, columns: readonly TableColumn[], start?: number, end?: number): Promise<void>;
  /** A query's result chunk by chunk, each as columns of values (NULL as null; never the whole result at once). */
  chunks(sql: string, options?: ChunkOptions): AsyncGenerator<unknown[][]>;
}

export interface ChunkOptions {
  /**
   * The query reads registered files only (read_csv …), no table: DuckDB-WASM then streams it
   * outside the tables' database, so they can be checkpointed (compressed) while it is read.
   */
  filesOnly?: boolean;
}

export const createTableSql = (table: string, columns: readonly Pick<TableColumn, 'name' | 'kind'>[]): string =>
  `CREATE OR REPLACE TABLE ${quoteIdentifier(checkTableName(table))} (${columns.map((c) => `${quoteIdentifier(c.name)} ${SQL_TYPES[c.kind]}`).join(', ')})`;

/** Rows [start, end) of the columns as an Arrow table, in the columns' order (DuckDB appends by position). */
export function blockToArrow(columns: readonly TableColumn[], start: number, end: number): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    if (column.kind === 'double') vectors[column.name] = doubleVector(column.values.subarray(start, end));
    else if (column.kind === 'text') vectors[column.name] = textVector(column.values.slice(start, end));
    else if (column.kind === 'integer') vectors[column.name] = makeVector(makeData({ type: new Int32(), length: end - start, data: column.values.subarray(start, end) }));
    else vectors[column.name] = boolVector(column.values.subarray(start, end));
  }
  return new Table(vectors);
}

function boolVector(values: Uint8Array): Vector<Bool> {
  const bits = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) bits[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: values.length, data: bits }));
}
