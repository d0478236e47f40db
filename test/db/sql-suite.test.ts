import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { SQL_CASES, runSqlSuite, type SqlOutcome } from './sql-suite.ts';

let db: Database;
let outcomes: SqlOutcome[];

beforeAll(async () => {
  db = await openNodeDatabase();
  outcomes = await runSqlSuite(db);
});
afterAll(async () => db?.close());

describe('the SQL suite on DuckDB-WASM in Node', () => {
  it.each(SQL_CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(outcomes[i]).toEqual({ name: SQL_CASES[i].name, rows: SQL_CASES[i].expected });
  });
});

describe('the Node database', () => {
  it('wraps DuckDB errors with the SQL that failed', async () => {
    await expect(db.query('SELECT no_such_column FROM demand')).rejects.toThrow(/no_such_column[\s\S]*in SQL: SELECT no_such_column FROM demand/);
  });

  it('fails at once, without the network, on SQL that needs an extension that is not there', async () => {
    // parquet is not statically linked into duckdb-wasm 1.32 and cannot be downloaded here.
    await expect(db.query('SELECT * FROM read_parquet(?)', ['small.csv'])).rejects.toThrow(/parquet extension/);
  });

  it('replaces a table on a second insertLayer and refuses unsafe table names', async () => {
    await db.insertLayer('t2', { kind: 'point', layer: 'pois', ids: ['a'], lon: Float64Array.of(1), lat: Float64Array.of(2), numeric: {}, text: {} });
    await db.insertLayer('t2', { kind: 'point', layer: 'pois', ids: ['a', 'b'], lon: Float64Array.of(1, 3), lat: Float64Array.of(2, 4), numeric: {}, text: {} });
    expect(await db.query('SELECT COUNT(*) AS n FROM t2')).toEqual([{ n: 2 }]);
    await expect(db.insertLayer('t2; DROP TABLE demand', { kind: 'point', layer: 'pois', ids: [], lon: new Float64Array(0), lat: new Float64Array(0), numeric: {}, text: {} })).rejects.toThrow(/invalid table name/);
  });

  it('keeps the caller\'s bytes after registerFile', async () => {
    const bytes = new TextEncoder().encode('a\n1\n');
    await db.registerFile('keep.csv', bytes);
    expect(bytes.byteLength).toBe(4);
    expect(await db.query('SELECT SUM(a) AS s FROM read_csv(?)', ['keep.csv'])).toEqual([{ s: 1 }]);
  });
});
