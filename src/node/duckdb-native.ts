/**
 * Native DuckDB in Node (@duckdb/node-api), behind the same Database interface as DuckDB-WASM. It
 * has parquet and json statically linked (DuckDB-WASM offline has neither) and runs multi-threaded;
 * tests run the shared SQL suite on both and require identical rows.
 *
 * registerFile has no in-memory equivalent here, so registered files are written to a private temp
 * folder that DuckDB searches for relative paths (`file_search_path`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue, type DuckDBVector } from '@duckdb/node-api';
import type { Layer } from '../data/layer.ts';
import { UsageError } from '../errors.ts';
import { plainValue } from '../db/arrow-rows.ts';
import type { QueryParam, Row } from '../db/database.ts';
import { OFFLINE_SETTINGS_SQL, QueryError } from '../db/duckdb-database.ts';
import { layerColumns, type LayerColumn } from '../db/layer-table.ts';
import { checkTableName, quoteIdentifier, quoteString } from '../db/sql.ts';
import { fillNumbers, fillTexts, readValues } from './duckdb-vectors.ts';
import type { BlockDatabase, TableColumn } from '../db/block-database.ts';

const CHUNK_ROWS = 2048; // DuckDB's vector size: the most rows one data chunk holds

export type { TableColumn } from '../db/block-database.ts';

const TYPES: Record<TableColumn['kind'], { sql: string; type: DuckDBType }> = {
  double: { sql: 'DOUBLE', type: DOUBLE },
  integer: { sql: 'INTEGER', type: INTEGER },
  boolean: { sql: 'BOOLEAN', type: BOOLEAN },
  text: { sql: 'VARCHAR', type: VARCHAR },
};

/** Native DuckDB's extras for work too large for rows in memory: column chunks in, chunks out. */
export interface NativeDatabase extends BlockDatabase {
  chunks(sql: string): AsyncGenerator<DuckDBValue[][]>;
  /** The same chunks as DuckDB's vectors, to be read a column at a time (duckdb-vectors.ts): no JS value per cell. */
  vectorChunks(sql: string): AsyncGenerator<DuckDBDataChunk>;
}

export interface NativeOptions {
  /** DuckDB's memory_limit, e.g. '256MB' (default: DuckDB's own, 80 % of RAM). */
  memoryLimit?: string;
  /** Where DuckDB spills when over the limit (default: a private temp folder). */
  tempDirectory?: string;
  threads?: number;
  /** Keep the tables in this file rather than in memory, so DuckDB can evict them (out-of-core work). */
  databaseFile?: string;
}

export async function openNativeDatabase(options: NativeOptions = {}): Promise<NativeDatabase> {
  const files = mkdtempSync(join(tmpdir(), 'siteselect-duckdb-'));
  const instance = await DuckDBInstance.create(options.databaseFile ?? ':memory:');
  const conn = await instance.connect();
  await conn.run(OFFLINE_SETTINGS_SQL);
  await conn.run(`SET file_search_path = ${quoteString(files)}`);
  await conn.run(`SET temp_directory = ${quoteString(options.tempDirectory ?? join(files, 'spill'))}`);
  if (options.memoryLimit !== undefined) {
    if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(options.memoryLimit)) throw new UsageError(`invalid memory limit '${options.memoryLimit}': give e.g. 256MB or 2GB`);
    await conn.run(`SET memory_limit = ${quoteString(options.memoryLimit)}`);
  }
  if (options.threads !== undefined) await conn.run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
  let closed = false;

  const run = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    if (closed) throw new QueryError('the database is closed', sql);
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryError || error instanceof UsageError) throw error;
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
    }
  };

  const db: NativeDatabase = {
    query: (sql: string, params: QueryParam[] = []): Promise<Row[]> =>
      run(sql, async () => {
        const reader = await conn.runAndReadAll(sql, params.length > 0 ? params : undefined);
        return reader.getRowObjectsJS().map((row) => plainValue(row) as Row);
      }),
    insertLayer(table: string, layer: Layer): Promise<void> {
      return db.insertColumns(table, layerColumns(layer));
    },
    async insertColumns(table: string, columns: readonly LayerColumn[]): Promise<void> {
      await db.createTable(table, columns);
      await db.append(table, columns);
    },
    run: (sql: string): Promise<void> => run(sql, async () => void (await conn.run(sql))),
    async createTable(table: string, columns: readonly Pick<TableColumn, 'name' | 'kind'>[]): Promise<void> {
      const create = `CREATE OR REPLACE TABLE ${quoteIdentifier(checkTableName(table))} (${columns.map((c) => `${quoteIdentifier(c.name)} ${TYPES[c.kind].sql}`).join(', ')})`;
      await run(create, async () => void (await conn.run(create)));
    },
    append(table: string, columns: readonly TableColumn[], start = 0, end = columns[0]?.values.length ?? 0): Promise<void> {
      return run(`-- append to ${table}`, () => appendColumns(conn, table, columns, start, end));
    },
    async *chunks(sql: string): AsyncGenerator<DuckDBValue[][]> {
      for await (const chunk of db.vectorChunks(sql)) {
        const n = chunk.rowCount;
        yield Array.from({ length: chunk.columnCount }, (_, c) => readValues(chunk.getColumnVector(c), n));
      }
    },
    async *vectorChunks(sql: string): AsyncGenerator<DuckDBDataChunk> {
      const result = await run(sql, () => conn.stream(sql));
      for (;;) {
        const chunk = await run(sql, () => result.fetchChunk());
        if (chunk === null || chunk.rowCount === 0) return;
        yield chunk;
      }
    },
    registerFile(name: string, bytes: Uint8Array): Promise<void> {
      if (name.split(/[\\/]/).includes('..') || name.startsWith('/')) {
        return Promise.reject(new UsageError(`invalid file name ${JSON.stringify(name)}: use a relative name without ".."`));
      }
      const path = join(files, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      return Promise.resolve();
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      conn.closeSync();
      instance.closeSync();
      rmSync(files, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
  return db;
}

/**
 * `work` in one transaction, rolled back if it throws. Appends in one transaction reach the database
 * file once, at the commit: appended to a file database one by one, each append was a commit, its
 * WAL written and synced, and the waits were most of the time of staging and scoring.
 */
export async function inTransaction<T>(db: BlockDatabase, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.run('COMMIT');
  return result;
}

async function appendColumns(conn: DuckDBConnection, table: string, columns: readonly TableColumn[], start: number, end: number): Promise<void> {
  const appender = await conn.createAppender(checkTableName(table));
  // one chunk for every 2 048 rows: its memory is DuckDB's, freed only when the collector finalises it,
  // and the collector does not see it, so a chunk a slice piled up hundreds of MB between collections
  const chunk = DuckDBDataChunk.create(columns.map((c) => TYPES[c.kind].type));
  for (let from = start; from < end; from += CHUNK_ROWS) {
    const to = Math.min(from + CHUNK_ROWS, end);
    chunk.reset();
    chunk.rowCount = to - from;
    columns.forEach((column, c) => setVector(chunk.getColumnVector(c), column, from, to));
    // DuckDB's appender hands its rows to the table by itself every 100 chunks (204 800 rows), and each
    // hand-over is a commit: flushing more often cost most of the append time in file databases
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** Rows [start, end) of a column into a chunk's vector (NaN and '' as NULL). */
function setVector(vector: DuckDBVector, column: TableColumn, start: number, end: number): void {
  const values = column.values;
  if (column.kind === 'text') return fillTexts(vector, column.values, start, end);
  if (column.kind !== 'boolean' && fillNumbers(vector, column.values, start, end)) return;
  if (column.kind === 'boolean') for (let i = start; i < end; i++) vector.setItem(i - start, values[i] !== 0);
  else for (let i = start; i < end; i++) vector.setItem(i - start, Number.isNaN(values[i]) ? null : values[i]);
  vector.flush();
}
