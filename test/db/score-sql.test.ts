/**
 * The scoring SQL (src/db/score-sql.ts) on a seven-row table whose answers a person can work out,
 * against the JS core it mirrors (src/score/normalise.ts, direction.ts, combine.ts): every
 * normalisation and direction gives the same doubles, with a missing value, +∞ and −∞ among them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineSql, goodnessSql, normalisedSql, statsSql, type GoodnessStats } from '../../src/db/score-sql.ts';
import { openNativeDatabase, type NativeDatabase } from '../../src/node/duckdb-native.ts';
import type { Direction, Normalisation } from '../../src/scenario/criterion-spec.ts';
import { combineScores, rescaleWeights } from '../../src/score/combine.ts';
import { applyDirection } from '../../src/score/direction.ts';
import { addSquares, addSum, meanOf, normalise } from '../../src/score/normalise.ts';

const raw = Float64Array.of(3, 1, NaN, Infinity, -Infinity, 1, 2);
let db: NativeDatabase;
beforeAll(async () => {
  db = await openNativeDatabase();
  const columns = [
    { name: 'pos', kind: 'integer' as const, values: Int32Array.from(raw, (_, i) => i) },
    { name: 'x', kind: 'double' as const, values: raw },
  ];
  await db.createTable('t', columns);
  await db.append('t', columns);
});
afterAll(() => db?.close());

async function sqlValues(direction: Direction, method: Normalisation): Promise<number[]> {
  const g = goodnessSql('x', direction);
  const [row] = await db.query(statsSql('t', g));
  const goodness = applyDirection(raw, direction);
  const m = addSquares(goodness, addSum(goodness));
  const stats: GoodnessStats = { n: Number(row.n), min: Number(row.min), max: Number(row.max), mean: meanOf(m), squares: m.squares, distinct: Number(row.distinct) };
  const rows = await db.query(`SELECT ${normalisedSql(g, method, stats)} AS v FROM t ORDER BY pos`);
  return rows.map((r) => Number(r.v));
}

describe('normalisation in SQL', () => {
  it('min-max by hand: finite goodness 1…3 → 0, 0.5, 1; +∞ is 1, −∞ and missing 0', async () => {
    expect(await sqlValues('higher', 'minmax')).toEqual([1, 0, 0, 1, 0, 0, 0.5]);
  });

  it.each([
    ['higher', 'minmax'], ['lower', 'minmax'], [{ target: 2 }, 'minmax'], [{ range: [1.5, 2.5] }, 'minmax'],
    ['higher', 'zscore'], ['lower', 'percentile'], ['higher', 'rank'], ['higher', 'none'], [{ target: 2 }, 'percentile'],
  ] as [Direction, Normalisation][])('%j %s equals normalise() (z-score within a few ulps)', async (direction, method) => {
    const js = Array.from(normalise(applyDirection(raw, direction), method));
    const sql = await sqlValues(direction, method);
    // Φ goes through DuckDB's exp (the C library's), not V8's: the z-score agrees to a few ulps
    if (method === 'zscore') sql.forEach((v, i) => expect(Math.abs(v - js[i])).toBeLessThanOrEqual(4 * Number.EPSILON));
    else expect(sql).toEqual(js);
  });

  it('combines with the weighted sum and the geometric mean as combineScores does', async () => {
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
