/**
 * Native DuckDB (@duckdb/node-api) behind the same interface: the shared SQL suite gives the same
 * rows as DuckDB-WASM; and, having parquet built in, it cross-checks the JS Parquet reader both ways.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { readParquet } from '../../src/io/parquet.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { SQL_CASES, runSqlSuite } from './sql-suite.ts';

let native: Database;
const scratch = mkdtempSync(join(tmpdir(), 'siteselect-native-test-'));

beforeAll(async () => {
  native = await openNativeDatabase();
});
afterAll(async () => {
  await native?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('native DuckDB vs DuckDB-WASM', () => {
  it('runs the shared SQL suite with the same rows as DuckDB-WASM, equal to the expectations', async () => {
    const nativeOutcomes = await runSqlSuite(native);
    const wasm = await openNodeDatabase();
    const wasmOutcomes = await runSqlSuite(wasm).finally(() => wasm.close());
    expect(nativeOutcomes).toEqual(wasmOutcomes);
    expect(nativeOutcomes).toEqual(SQL_CASES.map((c) => ({ name: c.name, rows: c.expected })));
  });
});

describe('Parquet between native DuckDB and the JS reader', () => {
  it.each(['snappy', 'zstd', 'gzip', 'uncompressed'])('readParquet reads what DuckDB wrote with %s', async (codec) => {
    // Values by hand: ids a0..a2, lon 0.5 steps, a NULL in population, a DATE and a DECIMAL.
    const path = join(scratch, `duck-${codec}.parquet`);
    await native.query(
      `COPY (SELECT 'a' || i AS id, 100 + i * 0.5 AS lon, CASE WHEN i = 1 THEN NULL ELSE i * 10 END AS population, ` +
        `DATE '2020-01-01' + i::INTEGER AS opened, (i + 0.25)::DECIMAL(6,2) AS rent FROM range(3) t(i)) TO '${path}' (FORMAT parquet, COMPRESSION ${codec})`,
    );
    const table = await readParquet('duck.parquet', new Uint8Array(readFileSync(path)));
    expect(table.columns).toEqual(['id', 'lon', 'population', 'opened', 'rent']);
    expect(table.values.id).toEqual(['a0', 'a1', 'a2']);
    expect(table.values.lon).toEqual([100, 100.5, 101]);
    expect(table.values.population).toEqual([0, null, 20]);
    expect(table.values.opened).toEqual(['2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z', '2020-01-03T00:00:00.000Z']);
    expect(table.values.rent).toEqual([0.25, 1.25, 2.25]);
  });

  it('native read_parquet reads what hyparquet-writer wrote, via a registered file', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: ['x', 'y', 'z'], type: 'STRING' },
          { name: 'weight', data: Float64Array.of(1.5, 2.5, 4), type: 'DOUBLE' },
        ],
      }),
    );
    await native.registerFile('w.parquet', bytes);
    // 1.5 + 2.5 + 4 = 8
    expect(await native.query('SELECT COUNT(*) AS n, SUM(weight) AS s, MAX(id) AS m FROM read_parquet(?)', ['w.parquet'])).toEqual([{ n: 3, s: 8, m: 'z' }]);
  });

  it('refuses registered file names that climb out of its folder', async () => {
    await expect(native.registerFile('../escape.csv', new Uint8Array(1))).rejects.toThrow(/invalid file name/);
  });
});
