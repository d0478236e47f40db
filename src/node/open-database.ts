/**
 * The Database that Node callers hand to runFunnel and scoreSites (report, notebooks, scripts):
 * native DuckDB (@duckdb/node-api), or DuckDB-WASM in Node where the native module cannot load
 * (a platform without a prebuilt binary). Both run the same SQL text and give the same doubles
 * (test/db/browser-vs-node.test.ts).
 */
import type { Database } from '../db/database.ts';

export async function openDatabase(): Promise<Database> {
  let native: typeof import('./duckdb-native.ts');
  try {
    native = await import('./duckdb-native.ts');
  } catch {
    const { openNodeDatabase } = await import('./duckdb.ts');
    return openNodeDatabase();
  }
  return native.openNativeDatabase();
}
