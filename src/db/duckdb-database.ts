/**
 * The Database over DuckDB-WASM, written once. Node's blocking bindings and the browser's worker
 * bindings differ only in being sync or async; each is wrapped as a `DuckConnection` and everything
 * else (binding, table creation, result conversion, error context) lives here.
 */
import { tableToIPC } from 'apache-arrow';
import type { Layer } from '../data/layer.ts';
import { arrowToRows, type ArrowTableLike } from './arrow-rows.ts';
import type { Database, QueryParam, Row } from './database.ts';
import { columnsToArrow, layerColumns, type LayerColumn } from './layer-table.ts';
import { checkTableName, dropTableSql } from './sql.ts';

/** The few DuckDB-WASM calls the database layer needs, sync or async alike. */
export interface DuckConnection {
  query(sql: string): Promise<ArrowTableLike>;
  queryPrepared(sql: string, params: QueryParam[]): Promise<ArrowTableLike>;
  /** Creates table `name` from an Arrow IPC stream (the bytes may be taken over). */
  insertArrowStream(name: string, ipc: Uint8Array): Promise<void>;
  /** Registers a file buffer (the bytes may be taken over). */
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** DuckDB-WASM's query settings shared by both builds: integers and decimals come back as doubles. */
export const DUCKDB_QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true } as const;

/**
 * Run once after opening. Extensions cannot be downloaded here (and the page must not call out), and
 * DuckDB's autoload would otherwise try the network for e.g. parquet and hang; with these set, SQL
 * needing a missing extension fails at once with a Catalog Error instead.
 */
export const OFFLINE_SETTINGS_SQL = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

/** Thrown when DuckDB rejects a statement; carries the SQL for context. */
export class QueryError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string, options?: { cause?: unknown }) {
    super(`${message}\n  in SQL: ${sql.length > 500 ? `${sql.slice(0, 500)}…` : sql}`, options);
    this.name = 'QueryError';
    this.sql = sql;
  }
}

export async function createDuckDatabase(conn: DuckConnection): Promise<Database> {
  await conn.query(OFFLINE_SETTINGS_SQL);
  let closed = false;
  const run = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    if (closed) throw new QueryError('the database is closed', sql);
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryError) throw error;
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
    }
  };
  const db: Database = {
    query(sql: string, params: QueryParam[] = []): Promise<Row[]> {
      return run(sql, async () => arrowToRows(params.length === 0 ? await conn.query(sql) : await conn.queryPrepared(sql, params)));
    },
    insertLayer(table: string, layer: Layer): Promise<void> {
      return db.insertColumns(table, layerColumns(layer));
    },
    async insertColumns(table: string, columns: readonly LayerColumn[]): Promise<void> {
      checkTableName(table);
      await run(dropTableSql(table), () => conn.query(dropTableSql(table)));
      const ipc = tableToIPC(columnsToArrow(columns), 'stream');
      await run(`-- insert ${columns.length} columns into ${table}`, () => conn.insertArrowStream(table, ipc));
    },
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      // The worker build takes the buffer over; copy so the caller's bytes stay usable.
      await run(`-- register file ${name}`, () => conn.registerBuffer(name, bytes.slice()));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await conn.close();
    },
  };
  return db;
}
