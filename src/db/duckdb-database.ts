/**
 * The Database over DuckDB-WASM, written once. Node's blocking bindings and the browser's worker
 * bindings differ only in being sync or async; each is wrapped as a `DuckConnection` and everything
 * else (binding, table creation, result conversion, error context) lives here.
 */
import { tableToIPC } from 'apache-arrow';
import type { Layer } from '../data/layer.ts';
import { arrowToRows, plainValue, type ArrowBatchLike, type ArrowTableLike, type ArrowVectorLike } from './arrow-rows.ts';
import { blockToArrow, createTableSql, type BlockDatabase, type ChunkOptions, type TableColumn } from './block-database.ts';
import type { QueryParam, Row } from './database.ts';
import { columnsToArrow, layerColumns, type LayerColumn } from './layer-table.ts';
import { checkTableName, dropTableSql } from './sql.ts';

/** The few DuckDB-WASM calls the database layer needs, sync or async alike. */
export interface DuckConnection {
  query(sql: string): Promise<ArrowTableLike>;
  queryPrepared(sql: string, params: QueryParam[]): Promise<ArrowTableLike>;
  /** Creates table `name` from an Arrow IPC stream (the bytes may be taken over). */
  insertArrowStream(name: string, ipc: Uint8Array): Promise<void>;
  /** Appends an Arrow IPC stream to table `name`, column by position. */
  appendArrowStream(name: string, ipc: Uint8Array): Promise<void>;
  /**
   * A query's result record batch by record batch, on a connection of its own (a query on the main
   * connection would end a pending stream); `setup` runs on it first. Streamed (DuckDB-WASM's
   * allowStreamResult), never materialised whole: materialised, read_csv over a 197 MB file held
   * +589 MB of wasm memory before its first batch came.
   */
  stream(sql: string, setup: string): AsyncIterable<ArrowBatchLike>;
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

/** A result column as JS values, NULL as null (numbers without NULLs copied from their typed array, the fast way). */
function columnValues(vector: ArrowVectorLike | null, rows: number): unknown[] {
  if (!vector) return new Array<null>(rows).fill(null);
  if (vector.nullCount === 0) {
    const array = vector.toArray();
    if (array instanceof Float64Array || array instanceof Int32Array) return Array.from(array);
  }
  return Array.from({ length: rows }, (_, r) => plainValue(vector.get(r)));
}

/**
 * Tables live in a compressed in-memory database (DuckDB compresses in-memory tables only when
 * asked): a million candidate rows take ~13 MB instead of ~60 MB, which is what lets the page hold
 * a large dropped file in DuckDB rather than in JS.
 */
const COMPRESSED_MEMORY_SQL = "ATTACH ':memory:' AS layers (COMPRESS)";
const USE_SQL = 'USE layers';

export async function createDuckDatabase(conn: DuckConnection): Promise<BlockDatabase> {
  await conn.query(OFFLINE_SETTINGS_SQL);
  await conn.query(COMPRESSED_MEMORY_SQL);
  await conn.query(USE_SQL);
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
  const db: BlockDatabase = {
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
    run: (sql: string): Promise<void> => run(sql, async () => void (await conn.query(sql))),
    async createTable(table, columns): Promise<void> {
      const sql = createTableSql(table, columns);
      await run(sql, () => conn.query(sql));
    },
    async append(table: string, columns: readonly TableColumn[], start = 0, end = columns[0]?.values.length ?? 0): Promise<void> {
      checkTableName(table);
      const ipc = tableToIPC(blockToArrow(columns, start, end), 'stream');
      await run(`-- append ${end - start} rows to ${table}`, () => conn.appendArrowStream(table, ipc));
    },
    async *chunks(sql: string, options: ChunkOptions = {}): AsyncGenerator<unknown[][]> {
      // a connection that never uses the tables' database holds no transaction there, so it may be checkpointed meanwhile
      const setup = options.filesOnly ? OFFLINE_SETTINGS_SQL : `${OFFLINE_SETTINGS_SQL}; ${USE_SQL}`;
      const batches = conn.stream(sql, setup)[Symbol.asyncIterator]();
      for (;;) {
        const next = await run(sql, () => batches.next());
        if (next.done) return;
        const batch = next.value;
        yield batch.schema.fields.map((_, i) => columnValues(batch.getChildAt(i), batch.numRows));
      }
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
