import { describe, expect, it } from 'vitest';
import { scoreLevel } from '../../src/score/score-level.ts';
import { rerank } from '../../src/score/rerank.ts';
import type { LevelResult } from '../../src/score/types.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

/*
 * Three sites, two criteria (min–max, higher is better):
 *   a: demand 10, access 3 → normalised (0, 1)
 *   b: demand 30, access 1 → (1, 0)
 *   c: demand 20, access 2 → (0.5, 0.5)
 * Weights 1:1 → scores 50, 50, 50 (all tie → a, b, c by id).
 * Weights 3:1 → a 25, b 75, c 50 → ranks b, c, a.   Weights 0:1 → a 100, b 0, c 50.
 */
/** Scored in DuckDB, as the funnel scores it; then re-ranked in JS. */
function level(): Promise<LevelResult> {
  return scoreLevel(testDb(), {
    level: 'site',
    ids: ['a', 'b', 'c'],
    names: ['A', 'B', 'C'],
    parent: Int32Array.of(-1, -1, -1),
    criteria: [
      { name: 'demand', label: 'Demand', weight: 1, raw: Float64Array.of(10, 30, 20), normalise: 'minmax', direction: 'higher' },
      { name: 'access', label: 'Access', weight: 1, raw: Float64Array.of(3, 1, 2), normalise: 'minmax', direction: 'higher' },
    ],
    combine: 'sum',
    keepRule: { topK: 1 },
  });
}

describe('rerank', () => {
  it('all tie at 1:1 → ranked by id; kept = a', async () => {
    const l = await level();
    expect([...l.score]).toEqual([50, 50, 50]);
    expect([...l.rank]).toEqual([1, 2, 3]);
    expect([...l.kept]).toEqual([1, 0, 0]);
  });

  it('3:1 → b 75, c 50, a 25; kept follows the rule (top 1 = b)', async () => {
    const r = rerank(await level(), { demand: 3 });
    expect([...r.score]).toEqual([25, 75, 50]);
    expect([...r.rank]).toEqual([3, 1, 2]);
    expect([...r.kept]).toEqual([0, 1, 0]);
    expect(r.criteria[0].weight).toBe(3);
    expect(r.criteria[1].weight).toBe(1); // not named → unchanged
    expect([...r.criteria[0].contribution]).toEqual([0, 75, 37.5]);
  });

  it('reuses raw and normalised columns (no recomputation) and leaves the input untouched', async () => {
    const l = await level();
    const r = rerank(l, { demand: 0 });
    expect(r.criteria[0].normalised).toBe(l.criteria[0].normalised);
    expect(r.criteria[0].raw).toBe(l.criteria[0].raw);
    expect([...r.score]).toEqual([100, 0, 50]);
    expect([...l.score]).toEqual([50, 50, 50]);
  });

  it('weights differing by a common factor give the same scores and ranks', async () => {
    const l = await level();
    const a = rerank(l, { demand: 0.3, access: 0.7 });
    const b = rerank(l, { demand: 30, access: 70 });
    expect([...b.rank]).toEqual([...a.rank]);
    for (let i = 0; i < 3; i++) expect(b.score[i]).toBeCloseTo(a.score[i], 12);
  });

  it('geometric combination: a and b have a 0 → score 0; c = 100 · 0.5^½ · 0.5^½ = 50', async () => {
    const r = rerank(await level(), {}, 'geometric');
    expect(r.score[0]).toBe(0);
    expect(r.score[1]).toBe(0);
    expect(r.score[2]).toBeCloseTo(50, 12);
    expect([...r.rank]).toEqual([2, 3, 1]);
  });

  it('a negative weight is a usage error naming the criterion', async () => {
    const l0 = await level();
    expect(() => rerank(l0, { access: -1 })).toThrow(/weights\.access must be a finite number ≥ 0, got -1/);
    // issue 19 item 9: Infinity, and finite weights whose total overflows
    expect(() => rerank(l0, { access: Infinity })).toThrow(/weights\.access must be a finite number ≥ 0, got Infinity/);
    expect(() => rerank(l0, { access: 1e308, demand: 1e308 })).toThrow(/add up to more than the largest number/);
  });
});
