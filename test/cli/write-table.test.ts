/** The score command's writers on a three-row table whose every output cell is known by hand. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutColumn } from '../../src/node/score/site-table.ts';
import { copyToParquet, parquetCast, writeRows } from '../../src/node/score/write-table.ts';
import { openNativeDatabase, type NativeDatabase } from '../../src/node/duckdb-native.ts';

const temp = mkdtempSync(join(tmpdir(), 'write-table-'));
let db: NativeDatabase;
beforeAll(async () => {
  db = await openNativeDatabase();
  const columns = [
    { name: 'ord', kind: 'integer' as const, values: Int32Array.of(2, 3, 1) },
    { name: 'id', kind: 'text' as const, values: ['+a', 'b, "quoted"', 'c'] },
    { name: 'score', kind: 'double' as const, values: Float64Array.of(61.5, NaN, 7.000049) },
    { name: 'small', kind: 'double' as const, values: Float64Array.of(0.12345678, 0, -0.000123456789) },
    { name: 'ok', kind: 'boolean' as const, values: Uint8Array.of(1, 0, 1) },
    { name: 'lon', kind: 'double' as const, values: Float64Array.of(114.1, 114.2, 114.123456789) },
    { name: 'lat', kind: 'double' as const, values: Float64Array.of(22.5, 22.6, 22.7) },
  ];
  await db.createTable('t', columns);
  await db.append('t', columns);
});
afterAll(async () => {
  await db.close();
  rmSync(temp, { recursive: true, force: true });
});

const columns: OutColumn[] = [
  { name: 'ord', sql: 'ord', kind: 'int' },
  { name: 'id', sql: 'id', kind: 'text' },
  { name: 'score', sql: 'score', kind: 'value' },
  { name: 'small', sql: 'small', kind: 'value' },
  { name: 'kept', sql: 'ok', kind: 'flag' },
  { name: 'lon', sql: 'lon', kind: 'lonlat' },
  { name: 'lat', sql: 'lat', kind: 'lonlat' },
];
const query = (cast: (c: OutColumn) => string = (c) => c.sql) => `SELECT ${columns.map((c) => `${cast(c)} AS "${c.name}"`).join(', ')} FROM t ORDER BY ord`;

describe('the scored-sites writers', () => {
  it('write RFC 4180 CSV (CRLF), quoting only where needed, text neutralised: 4 decimals from 1 up, 6 significant digits below', async () => {
    const file = join(temp, 'out', 't.csv'); // missing folders are created
    expect(await writeRows(file, columns, db.vectorChunks(query()), 'csv')).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(`ord,id,score,small,kept,lon,lat\r\n1,c,7,-0.000123457,1,114.1234568,22.7\r\n2,'+a,61.5,0.123457,1,114.1,22.5\r\n3,"b, ""quoted""",,0,0,114.2,22.6\r\n`);
  });

  it('write a long CSV on two threads (the calling one and a worker) with every row once, in order', async () => {
    // 30 000 rows are 15 of DuckDB's chunks: the writer's worker takes some of them
    const n = 30_000;
    const long = [
      { name: 'ord', kind: 'integer' as const, values: Int32Array.from({ length: n }, (_, k) => n - k) },
      { name: 'score', kind: 'double' as const, values: Float64Array.from({ length: n }, (_, k) => n - k + 0.25) },
      { name: 'ok', kind: 'boolean' as const, values: Uint8Array.from({ length: n }, (_, k) => (n - k) % 3 === 0 ? 1 : 0) },
    ];
    await db.createTable('long', long);
    await db.append('long', long);
    const file = join(temp, 'long.csv');
    const cols: OutColumn[] = [{ name: 'ord', sql: 'ord', kind: 'int' }, { name: 'id', sql: `'s' || ord`, kind: 'text' }, { name: 'score', sql: 'score', kind: 'value' }, { name: 'kept', sql: 'ok', kind: 'flag' }];
    expect(await writeRows(file, cols, db.vectorChunks(`SELECT ${cols.map((c) => `${c.sql} AS "${c.name}"`).join(', ')} FROM long ORDER BY ord`), 'csv')).toBe(n);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines.length).toBe(n + 2); // the header, the rows, '' after the last line end
    expect(lines[0]).toBe('ord,id,score,kept');
    for (let k = 1; k <= n; k++) if (lines[k] !== `${k},s${k},${k}.25,${k % 3 === 0 ? 1 : 0}`) expect(lines[k]).toBe(`${k},s${k},${k}.25,${k % 3 === 0 ? 1 : 0}`);
    expect(lines[n + 1]).toBe('');
  });

  it('write GeoJSON points with numbers as numbers and empty numbers as null', async () => {
    const file = join(temp, 't.geojson');
    await writeRows(file, columns, db.vectorChunks(query()), 'geojson');
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    expect(fc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { ord: 1, id: 'c', score: 7, small: -0.000123457, kept: 1 }, { ord: 2, id: '+a', score: 61.5, small: 0.123457, kept: 1 },
      { ord: 3, id: 'b, "quoted"', score: null, small: 0, kept: 0 },
    ]);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [114.1234568, 22.7] });
  });

  it('write Parquet with typed columns holding the CSV values', async () => {
    const file = join(temp, 't.parquet');
    await copyToParquet(db, file, query(parquetCast));
    const types = await db.query(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`);
    expect(Object.fromEntries(types.map((r) => [r.name, r.type]))).toEqual({ ord: 'INTEGER', id: 'VARCHAR', score: 'DOUBLE', small: 'DOUBLE', kept: 'BOOLEAN', lon: 'DOUBLE', lat: 'DOUBLE' });
    const rows = await db.query(`SELECT * FROM read_parquet('${file}')`);
    expect(rows.map((r) => [r.ord, r.id, r.score, r.small, r.kept, r.lon])).toEqual([
      [1, 'c', 7, -0.000123457, true, 114.1234568], [2, '+a', 61.5, 0.123457, true, 114.1], [3, 'b, "quoted"', null, 0, false, 114.2],
    ]);
  });
});
