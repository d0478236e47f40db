/**
 * Loads the sample bundle from this origin (fetchFileSource), registers its layers in DuckDB-WASM
 * and computes the shared figures, then runs the sample's funnel scored in that DuckDB-WASM; the
 * test compares both with Node's (DuckDB-WASM and native) and reads `bundleLoad`.
 */
import { loadBundle } from '../../src/data/load-bundle.ts';
import { openBrowserDatabase } from '../../src/db/duckdb-browser.ts';
import { fetchFileSource } from '../../src/io/file-source.ts';
import { bundleFigures } from '../db/bundle-figures.ts';
import { sampleFunnel } from '../db/score-suite.ts';

async function main(): Promise<unknown> {
  const [bundle, db] = await Promise.all([loadBundle(fetchFileSource('/data/sample/')), openBrowserDatabase()]);
  try {
    const figures = await bundleFigures(bundle, db);
    const scenario = await (await fetch('/data/sample/scenario.json')).json() as unknown;
    return { figures, funnel: await sampleFunnel(bundle, scenario, db) };
  } finally {
    await db.close();
  }
}

main().then(
  (result) => Object.assign(globalThis, { bundleLoad: result }),
  (error: unknown) => Object.assign(globalThis, { bundleLoad: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
