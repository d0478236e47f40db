/** Runs the shared SQL and scoring suites against DuckDB-WASM in this page's worker; the test reads `dbSuite`. */
import { openBrowserDatabase } from '../../src/db/duckdb-browser.ts';
import { runHandFunnel, runScoreSuite } from '../db/score-suite.ts';
import { runSqlSuite } from '../db/sql-suite.ts';

async function main(): Promise<unknown> {
  const started = performance.now();
  const db = await openBrowserDatabase();
  const openMs = performance.now() - started;
  try {
    return { outcomes: await runSqlSuite(db), scoreOutcomes: await runScoreSuite(db), handFunnel: await runHandFunnel(db), openMs };
  } finally {
    await db.close();
  }
}

main().then(
  (result) => Object.assign(globalThis, { dbSuite: result }),
  (error: unknown) => Object.assign(globalThis, { dbSuite: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
