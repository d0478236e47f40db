/**
 * DuckDB-WASM in the browser: the "eh" build (wasm exceptions; the "coi" build needs pthreads and
 * cross-origin isolation) running in its own Web Worker, so queries never block the page. The wasm
 * and the worker script are Vite `?url` assets served from the page's own origin, never a CDN.
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { createDuckDatabase, DUCKDB_QUERY_CONFIG, type DuckConnection } from './duckdb-database.ts';
import type { QueryParam } from './database.ts';
import type { BlockDatabase } from './block-database.ts';
import { QueryError } from './duckdb-database.ts';

/** One column of a result batch: its name and its values (Arrow's, NULL as null). */
export interface BatchColumn {
  name: string;
  values: ArrayLike<unknown>;
}

/** DuckDB-WASM in the page: what only the browser build can do besides the Database interface. */
export interface BrowserDatabase extends BlockDatabase {
  /**
   * Makes a picked or dropped file readable by SQL under `name` without copying it into JS: DuckDB
   * reads it through the browser's FileReader, slice by slice, as a query needs it.
   */
  registerFileHandle(name: string, file: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** A query's result batch by batch, as columns (never the whole result as rows). */
  batches(sql: string, params?: QueryParam[]): AsyncGenerator<BatchColumn[]>;
}

export async function openBrowserDatabase(): Promise<BrowserDatabase> {
  const worker = new Worker(new URL(ehWorkerUrl, location.href));
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(new URL(ehWasmUrl, location.href).href, null);
    await db.open({ query: DUCKDB_QUERY_CONFIG });
  } catch (error) {
    await db.terminate();
    throw error;
  }
  const conn = await db.connect();
  const adapter: DuckConnection = {
    query: (sql) => conn.query(sql),
    queryPrepared: async (sql, params) => {
      const statement = await conn.prepare(sql);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    },
    insertArrowStream: (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
    appendArrowStream: (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: false }),
    async *stream(sql, setup) {
      const own = await db.connect();
      try {
        await own.query(setup);
        yield* await own.send(sql, true);
      } finally {
        await own.close();
      }
    },
    registerBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  };
  const database = await createDuckDatabase(adapter);
  const fail = (sql: string, error: unknown): QueryError => new QueryError(error instanceof Error ? error.message : String(error), sql, { cause: error });
  return {
    ...database,
    async registerFileHandle(name: string, file: Blob): Promise<void> {
      await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async dropFile(name: string): Promise<void> {
      await db.dropFile(name);
    },
    async *batches(sql: string, params: QueryParam[] = []): AsyncGenerator<BatchColumn[]> {
      const statement = await conn.prepare(sql);
      try {
        const reader = await statement.send(...params).catch((error: unknown) => Promise.reject(fail(sql, error)));
        for (;;) {
          const next = await reader.next().catch((error: unknown) => Promise.reject(fail(sql, error)));
          if (next.done) break;
          const batch = next.value;
          yield batch.schema.fields.map((field, i) => {
            const vector = batch.getChildAt(i);
            // get() honours the validity bitmap; toArray() of a Utf8 column would give no nulls
            return { name: field.name, values: Array.from({ length: batch.numRows }, (_, r): unknown => vector?.get(r) ?? null) };
          });
        }
      } finally {
        await statement.close();
      }
    },
  };
}
