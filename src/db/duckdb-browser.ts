/**
 * DuckDB-WASM in the browser: the "eh" build (wasm exceptions; the "coi" build needs pthreads and
 * cross-origin isolation) running in its own Web Worker, so queries never block the page. The wasm
 * and the worker script are Vite `?url` assets served from the page's own origin, never a CDN.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { createDuckDatabase, DUCKDB_QUERY_CONFIG, type DuckConnection } from './duckdb-database.ts';
import type { Database } from './database.ts';

export async function openBrowserDatabase(): Promise<Database> {
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
    registerBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  };
  return createDuckDatabase(adapter);
}
