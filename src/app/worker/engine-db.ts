/**
 * The engine worker's one DuckDB-WASM. It boots on first use and never before the first scored map
 * (about 5 s on a 2-core machine), so opening the page does not wait for it. Once up it holds the
 * bundle as tables (bundle-tables.ts): the layers' kept rows and the rejects, as Arrow.
 */
import { openBrowserDatabase, type BrowserDatabase } from '../../db/duckdb-browser.ts';

let database: Promise<BrowserDatabase> | null = null;

export function engineDb(): Promise<BrowserDatabase> {
  database ??= openBrowserDatabase();
  // a failed boot is not remembered: the next use tries again
  database.catch(() => (database = null));
  return database;
}
