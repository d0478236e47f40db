/**
 * DuckDB-WASM in Node: the same wasm build the browser runs (the "eh" variant), through the blocking
 * Node bindings, so Node and the browser execute the same engine and SQL. Files are loaded from
 * node_modules, never from the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createDuckDatabase, DUCKDB_QUERY_CONFIG, type DuckConnection } from '../db/duckdb-database.ts';
import type { BlockDatabase } from '../db/block-database.ts';

/** What a memory measurement needs besides the Database (bench/drop-memory-node.ts, tests). */
export interface NodeDuckProbe {
  /** The wasm memory's size in bytes: it only grows, so it is DuckDB-WASM's high-water mark. */
  wasmBytes(): number;
  /** Makes a file on disk readable by SQL under `name`, read from disk as a query needs it (as the page's dropped File): a registered buffer is copied into the wasm memory when opened. */
  registerPath(name: string, path: string): void;
}

export async function openNodeDatabase(probe?: (probe: NodeDuckProbe) => void): Promise<BlockDatabase> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => undefined);
  db.open({ query: DUCKDB_QUERY_CONFIG });
  probe?.({
    wasmBytes: () => (db as unknown as duckdb.DuckDBBindingsBase).mod.HEAPU8.buffer.byteLength,
    registerPath: (name, path) => db.registerFileURL(name, path, duckdb.DuckDBDataProtocol.NODE_FS, true),
  });
  const conn = db.connect();
  const adapter: DuckConnection = {
    query: async (sql) => conn.query(sql),
    queryPrepared: async (sql, params) => {
      const statement = conn.prepare(sql);
      try {
        return statement.query(...params);
      } finally {
        statement.close();
      }
    },
    insertArrowStream: async (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
    appendArrowStream: async (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: false }),
    async *stream(sql, setup) {
      const own = db.connect();
      try {
        own.query(setup);
        yield* await own.send(sql, true);
      } finally {
        own.close();
      }
    },
    registerBuffer: async (name, bytes) => db.registerFileBuffer(name, bytes),
    close: async () => {
      conn.close();
      db.reset();
    },
  };
  return createDuckDatabase(adapter);
}
