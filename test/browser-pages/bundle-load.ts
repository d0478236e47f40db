/**
 * Loads the sample bundle from this origin (fetchFileSource), registers its layers in DuckDB-WASM
 * and computes the shared figures; the test compares them with Node's and reads `bundleLoad`.
 */
import { loadBundle } from '../../src/data/load-bundle.ts';
import { openBrowserDatabase } from '../../src/db/duckdb-browser.ts';
import { fetchFileSource } from '../../src/io/file-source.ts';
import { bundleFigures } from '../db/bundle-figures.ts';

async function main(): Promise<unknown> {
  const [bundle, db] = await Promise.all([loadBundle(fetchFileSource('/data/sample/')), openBrowserDatabase()]);
  try {
    return { figures: await bundleFigures(bundle, db) };
  } finally {
    await db.close();
  }
}

main().then(
  (result) => Object.assign(globalThis, { bundleLoad: result }),
  (error: unknown) => Object.assign(globalThis, { bundleLoad: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
