/**
 * A Database still booting, usable at once: every call waits for the boot, then runs. The page's
 * engine worker hands one to runFunnel so that the funnel's first steps (linking the bundle, the
 * regions' criteria through the kernel) run while DuckDB-WASM is still compiling, and only the
 * first SQL waits for it. A failed boot fails each call with its reason.
 */
import type { Database } from './database.ts';

export function deferredDatabase(booting: Promise<Database>, what: string): Database {
  const db = (): Promise<Database> =>
    booting.catch((error: unknown) => {
      throw new Error(`${what} did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  return {
    query: async (sql, params) => (await db()).query(sql, params),
    insertLayer: async (table, layer) => (await db()).insertLayer(table, layer),
    insertColumns: async (table, columns) => (await db()).insertColumns(table, columns),
    registerFile: async (name, bytes) => (await db()).registerFile(name, bytes),
    close: async () => (await db()).close(),
  };
}
