/**
 * Native DuckDB's append and chunked read (src/node/duckdb-native.ts, duckdb-vectors.ts) move
 * columns a 2 048-row data chunk at a time, reusing one chunk and writing validity bits directly:
 * NULLs (NaN, '') must land on exactly their rows, also where one chunk is all NULL and the next
 * has none, and every value must come back as appended (checked against SQL's own counts too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDatabase, type NativeDatabase, type TableColumn } from '../../src/node/duckdb-native.ts';

const n = 9000; // four full chunks and part of a fifth
// chunk 0 (rows 0–2047) has no NULL, chunk 1 only NULLs, chunk 2 NULLs at the word edges 31, 32, 63, 64, chunk 3 none
const nullAt = (i: number): boolean => (i >= 2048 && i < 4096) || [31, 32, 63, 64].includes(i - 4096) || i === n - 1;
const doubles = Float64Array.from({ length: n }, (_, i) => (nullAt(i) ? NaN : i / 4 - 7));
const texts = Array.from({ length: n }, (_, i) => (nullAt(i) ? '' : i % 2 ? `s${i}` : `a text longer than twelve bytes ${i}`));
const columns: TableColumn[] = [
  { name: 'i', kind: 'integer', values: Int32Array.from({ length: n }, (_, i) => i - 100) },
  { name: 'd', kind: 'double', values: doubles },
  { name: 't', kind: 'text', values: texts },
  { name: 'b', kind: 'boolean', values: Uint8Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0) },
];

let db: NativeDatabase;
beforeAll(async () => {
  db = await openNativeDatabase();
  await db.createTable('x', columns);
  // two appends, the second starting inside a chunk's span
  await db.append('x', columns, 0, 5000);
  await db.append('x', columns, 5000, n);
});
afterAll(() => db.close());

describe('native append and chunked read', () => {
  it('stores NULL on exactly the rows given NaN or empty text', async () => {
    const [r] = await db.query(`SELECT count(*) AS rows, count(*) FILTER (WHERE d IS NULL) AS dn, count(*) FILTER (WHERE t IS NULL) AS tn,
      count(*) FILTER (WHERE (d IS NULL) <> (t IS NULL)) AS apart, min(i) FILTER (WHERE d IS NULL) AS first, max(i) FILTER (WHERE d IS NOT NULL) AS last FROM x`);
    const nulls = Array.from({ length: n }, (_, i) => i).filter(nullAt).length;
    expect(nulls).toBe(2048 + 4 + 1);
    expect(r).toEqual({ rows: n, dn: nulls, tn: nulls, apart: 0, first: 2048 - 100, last: n - 2 - 100 });
  });

  it('reads back every value as appended, in order', async () => {
    let at = 0;
    const wrong: number[] = [];
    for await (const [i, d, t, b] of db.chunks('SELECT i, d, t, b FROM x ORDER BY i')) {
      for (let k = 0; k < i.length; k++, at++) {
        const ok = i[k] === at - 100 && d[k] === (nullAt(at) ? null : at / 4 - 7) && t[k] === (nullAt(at) ? null : texts[at]) && b[k] === (at % 3 === 0);
        if (!ok) wrong.push(at);
      }
    }
    expect(at).toBe(n);
    expect(wrong).toEqual([]);
  });
});
