/**
 * One DuckDB per test file, for runFunnel and scoreSites (which score in it): opened before the
 * file's first hook or test, closed after its last. Native DuckDB, as the CLI, report and notebooks
 * in Node use (openDatabase); test/db/browser-vs-node.test.ts holds DuckDB-WASM to the same results.
 *
 *   const testDb = useDatabase();
 *   const funnel = await runFunnel(bundle, scenario, { database: testDb() });
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/node/open-database.ts';

export function useDatabase(): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('the test database is open only inside hooks and tests (call useDatabase() at the top of the file)');
    return db;
  };
}
