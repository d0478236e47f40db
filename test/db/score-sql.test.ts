/**
 * The scoring SQL (src/db/score-sql.ts) on a seven-row table whose answers are worked out by hand:
 * every direction and normalisation, with a missing value, +∞ and −∞ among the raw values; and the
 * combination, which must equal the page's re-rank (src/score/combine.ts) to the last bit, so that a
 * re-rank with a level's own weights gives back the scores SQL gave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineSql, goodnessSql, goodnessStats, normalisedSql } from '../../src/db/score-sql.ts';
import { openNativeDatabase, type NativeDatabase } from '../../src/node/duckdb-native.ts';
import type { Direction, Normalisation } from '../../src/scenario/criterion-spec.ts';
import { combineScores, rescaleWeights } from '../../src/score/combine.ts';

const raw = Float64Array.of(3, 1, NaN, Infinity, -Infinity, 1, 2);
let db: NativeDatabase;
beforeAll(async () => {
  db = await openNativeDatabase();
  await table('t', raw);
});
afterAll(() => db?.close());

async function table(name: string, x: Float64Array): Promise<void> {
  const columns = [
    { name: 'pos', kind: 'integer' as const, values: Int32Array.from(x, (_, i) => i) },
    { name: 'x', kind: 'double' as const, values: x },
  ];
  await db.createTable(name, columns);
  await db.append(name, columns);
}

async function sqlValues(direction: Direction, method: Normalisation, from = 't'): Promise<number[]> {
  const g = goodnessSql('x', direction);
  const column = async function* (sql: string): AsyncGenerator<Float64Array> {
    yield Float64Array.from(await db.query(sql), (r) => (typeof Object.values(r)[0] === 'number' ? (Object.values(r)[0] as number) : NaN));
  };
  const stats = await goodnessStats((sql) => db.query(sql), column, from, g, method);
  const rows = await db.query(`SELECT ${normalisedSql(g, method, stats)} AS v FROM ${from} ORDER BY pos`);
  return rows.map((r) => Number(r.v));
}

/*
 * Raw 3, 1, missing, +∞, −∞, 1, 2. Finite goodness enters the statistics; +∞ goodness is 1, −∞ and missing 0.
 */
describe('normalisation in SQL, worked out by hand', () => {
  it.each([
    // goodness 3 1 · ∞ −∞ 1 2: (g − 1) / 2
    ['higher', 'minmax', [1, 0, 0, 1, 0, 0, 0.5]],
    // goodness −3 −1 · −∞ ∞ −1 −2: (g + 3) / 2
    ['lower', 'minmax', [0, 1, 0, 0, 1, 1, 0.5]],
    // toward 2: −1 −1 · −∞ −∞ −1 0 → only 2 is best
    [{ target: 2 }, 'minmax', [0, 0, 0, 0, 0, 0, 1]],
    // inside [1.5, 2.5]: −0.5 −0.5 0 −∞ −∞ −0.5 0 (a missing value is not outside the range)
    [{ range: [1.5, 2.5] }, 'minmax', [0, 0, 1, 0, 0, 0, 1]],
    // goodness −3 −1 −1 −2 finite: sorted −3, −2, −1, −1 → 0, 1/3, (2 + ½)/3 for the tie
    ['lower', 'percentile', [0, 5 / 6, 0, 0, 1, 5 / 6, 1 / 3]],
    // dense: 1 → 0, 2 → ½, 3 → 1
    ['higher', 'rank', [1, 0, 0, 1, 0, 0, 0.5]],
    // passed through, missing as 0
    ['higher', 'none', [3, 1, 0, Infinity, -Infinity, 1, 2]],
    // toward 2: −1 three times, then 0: the tie (0 + 1)/3
    [{ target: 2 }, 'percentile', [1 / 3, 1 / 3, 0, 0, 0, 1 / 3, 1]],
  ] as [Direction, Normalisation, number[]][])('%j %s', async (direction, method, expected) => {
    const got = await sqlValues(direction, method);
    got.forEach((v, i) => expect(v, `row ${i}`).toBeCloseTo(expected[i], 14));
  });

  it('z-score through Φ: 3, 1, 1, 2 have mean 1.75 and sd √(2.75 / 3) → Φ(1.3056), Φ(−0.7833), Φ(0.2611)', async () => {
    const got = await sqlValues('higher', 'zscore');
    [0.904153, 0.216711, 0, 1, 0, 0.216711, 0.602999].forEach((v, i) => expect(got[i], `row ${i}`).toBeCloseTo(v, 5));
    await table('z', Float64Array.of(1, 2, 3));
    const z = await sqlValues('higher', 'zscore', 'z');
    expect(z[0]).toBeCloseTo(0.158655, 6); // Φ(−1)
    expect(z[1]).toBeCloseTo(0.5, 7); // Φ(0), to the approximation's error
    expect(z[2]).toBeCloseTo(0.841345, 6); // Φ(1)
  });

  it('equal values: min–max and rank give every unit 1; percentile (0 + ½) / 1 and the z-score ½', async () => {
    await table('same', Float64Array.of(4, 4));
    for (const method of ['minmax', 'rank'] as const) expect(await sqlValues('higher', method, 'same')).toEqual([1, 1]);
    expect(await sqlValues('higher', 'percentile', 'same')).toEqual([0.5, 0.5]);
    expect(await sqlValues('higher', 'zscore', 'same')).toEqual([0.5, 0.5]);
  });

  it('combines with the weighted sum and the geometric mean as the re-rank (combineScores) does, to the last bit', async () => {
    const n = [Float64Array.of(0.2, 1, 0), Float64Array.of(0.5, 0.25, 1), Float64Array.of(0.1, 0.9, 0.3), Float64Array.of(1, 0.3, 0.7)];
    const columns = [{ name: 'pos', kind: 'integer' as const, values: Int32Array.of(0, 1, 2) }, ...n.map((values, k) => ({ name: `n${k}`, kind: 'double' as const, values }))];
    await db.createTable('c', columns);
    await db.append('c', columns);
    const w = rescaleWeights([3, 1.5, 0, 1]);
    for (const how of ['sum', 'geometric'] as const) {
      const { score } = combineSql(n.map((_, k) => `n${k}`), w, how);
      const rows = await db.query(`SELECT ${score} AS s FROM c ORDER BY pos`);
      expect(rows.map((r) => r.s)).toEqual(Array.from(combineScores(n, w, how, new Float64Array(3))));
    }
  });
});
