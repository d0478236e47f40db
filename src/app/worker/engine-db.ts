/**
 * The engine worker's one DuckDB-WASM. It boots as the worker starts (in its own worker, beside the
 * bundle's fetch) because every run scores its levels in it; a failed boot is not remembered, so the
 * next use tries again. After the first scored map it also holds the bundle as tables
 * (bundle-tables.ts): the layers' kept rows and the rejects, as Arrow.
 */
import { openBrowserDatabase, type BrowserDatabase } from '../../db/duckdb-browser.ts';

let database: Promise<BrowserDatabase> | null = null;

export function engineDb(): Promise<BrowserDatabase> {
  database ??= openBrowserDatabase();
  // a failed boot is not remembered: the next use tries again
  database.catch(() => (database = null));
  return database;
}
