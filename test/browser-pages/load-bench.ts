/** bench/load.ts's Chromium half: fetch the generated CSV from this origin and time the same steps. */
import { timeLoad } from '../../bench/load-steps.ts';
import { openBrowserDatabase } from '../../src/db/duckdb-browser.ts';

async function main(): Promise<unknown> {
  let t = performance.now();
  const db = await openBrowserDatabase();
  await db.query('SELECT 1');
  const dbOpenMs = performance.now() - t;
  t = performance.now();
  const bytes = new Uint8Array(await (await fetch('/bench-data/demand.csv')).arrayBuffer());
  const fetchMs = performance.now() - t;
  try {
    return { dbOpenMs, fetchMs, ...(await timeLoad(bytes, db)) };
  } finally {
    await db.close();
  }
}

main().then(
  (result) => Object.assign(globalThis, { loadBench: result }),
  (error: unknown) => Object.assign(globalThis, { loadBench: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
