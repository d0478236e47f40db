/** The score command's writers on a three-row table whose every output cell is known by hand. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutColumn } from '../../src/cli/score/site-table.ts';
import { writeTable } from '../../src/cli/score/write-table.ts';
import { readParquet } from '../../src/io/parquet.ts';

const temp = mkdtempSync(join(tmpdir(), 'write-table-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ids = ['a', 'b, "quoted"', 'c'];
const scores = ['61.5', '', '7'];
const columns: OutColumn[] = [
  { name: 'id', cell: (i) => ids[i] },
  { name: 'score', cell: (i) => scores[i], numeric: true },
  { name: 'lon', cell: (i) => ['114.1', '114.2', '114.3'][i], numeric: true },
  { name: 'lat', cell: (i) => ['22.5', '22.6', '22.7'][i], numeric: true },
];
const rows = [2, 0, 1]; // output order is the caller's (e.g. by rank)

describe('writeTable', () => {
  it('writes RFC 4180 CSV (CRLF), quoting only where needed', async () => {
    const file = join(temp, 'out', 't.csv'); // missing folders are created
    await writeTable(file, columns, rows);
    expect(readFileSync(file, 'utf8')).toBe('id,score,lon,lat\r\nc,7,114.3,22.7\r\na,61.5,114.1,22.5\r\n"b, ""quoted""",,114.2,22.6\r\n');
  });

  it('writes GeoJSON points with numbers as numbers and empty numbers as null', async () => {
    const file = join(temp, 't.geojson');
    await writeTable(file, columns, rows);
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    expect(fc.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { id: 'c', score: 7 }, { id: 'a', score: 61.5 }, { id: 'b, "quoted"', score: null },
    ]);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [114.3, 22.7] });
  });

  it('writes Parquet that reads back with the same values', async () => {
    const file = join(temp, 't.parquet');
    await writeTable(file, columns, rows);
    const table = await readParquet('t.parquet', new Uint8Array(readFileSync(file)));
    expect(table.rowCount).toBe(3);
    expect(table.values.id).toEqual(['c', 'a', 'b, "quoted"']);
    expect(table.values.score).toEqual([7, 61.5, null]);
    expect(table.values.lon).toEqual([114.3, 114.1, 114.2]);
  });
});
