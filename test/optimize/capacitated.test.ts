/**
 * Capacitated p-median and MCLP on a line worked by hand: points at 0 (weight 6), 1 (4) and 10 (5);
 * site A at 0.5 with capacity 7, site B at 10 with room for everything.
 */
import { describe, expect, it } from 'vitest';
import { optimize, problemFromCostMatrix, type ModelName } from '../../src/optimize/index.ts';
import { runOptimize, SF_COLS } from './cli-run.ts';
import { SF_COSTS } from './sf-reference.ts';

function instance(model: ModelName, capA: number, extra: { p?: number; radius?: number; singleSource?: boolean } = {}) {
  const points = [0, 1, 10];
  const sites = [0.5, 10];
  const cost = Float64Array.from(points.flatMap((x) => sites.map((s) => Math.abs(x - s))));
  const problem = problemFromCostMatrix({ model, cost, n: 3, m: 2, weights: Float64Array.of(6, 4, 5), p: extra.p ?? 2, radius: extra.radius, facilityIds: ['A', 'B'] });
  return { ...problem, capacity: Float64Array.of(capA, 100), singleSource: extra.singleSource };
}

describe('capacitated p-median', () => {
  it('splits the point at 1 when demand may split: 6·0.5 + 1·0.5 + 3·9 = 30.5 (uncapacitated: 5)', async () => {
    for (const method of ['exact', 'heuristic'] as const) {
      const r = await optimize(instance('pmedian', 7), { method });
      expect(r.objective).toBeCloseTo(30.5, 6);
      expect(r.bound).toBeLessThanOrEqual(30.5 + 1e-6);
      if (method === 'heuristic') expect(r.bound).toBeCloseTo(5, 6); // the uncapacitated optimum bounds it
    }
  });

  it('single source: the point at 1 goes whole to B, 6·0.5 + 4·9 = 39', async () => {
    const exact = await optimize(instance('pmedian', 7, { singleSource: true }), { method: 'exact' });
    expect(exact.exact).toBe(true);
    expect(exact.objective).toBeCloseTo(39, 6);
    const heur = await optimize(instance('pmedian', 7, { singleSource: true }), { method: 'heuristic' });
    expect(heur.objective).toBeCloseTo(39, 6);
  });

  it('refuses capacities that cannot hold the demand, with the numbers', async () => {
    const p = { ...instance('pmedian', 3), capacity: Float64Array.of(3, 3) };
    await expect(optimize(p)).rejects.toThrow(/highest possible capacity of 2 open sites, 6, is smaller than the total demand 15/);
    await expect(optimize({ ...instance('pcenter', 7) })).rejects.toThrow(/capacities apply to the pmedian and mclp models/);
  });
});

describe('capacitated MCLP (radius 1, one site)', () => {
  it('A covers only its capacity: 7 of the 10 within its reach, still more than B\'s 5', async () => {
    const r = await optimize(instance('mclp', 7, { p: 1, radius: 1 }), { method: 'exact' });
    expect(r.selectedIds).toEqual(['A']);
    expect(r.objective).toBeCloseTo(7, 6);
  });

  it('with room for 4 at A, B (5 covered) is the better site', async () => {
    const r = await optimize(instance('mclp', 4, { p: 1, radius: 1 }), { method: 'exact' });
    expect(r.selectedIds).toEqual(['B']);
    expect(r.objective).toBeCloseTo(5, 6);
  });
});

describe('siteselect optimize --capacity', () => {
  it('says when capacities cannot hold the demand, and that --single-source needs them', async () => {
    const small = await runOptimize(['--model', 'pmedian', '--p', '4', '--capacity', '200000', '--costs', SF_COSTS, ...SF_COLS]);
    expect(small.code).toBe(2);
    // SF's 205 tracts hold 955 113 people; four sites of 200 000 cannot serve them.
    expect(small.err).toMatch(/highest possible capacity of 4 open sites, 800000, is smaller than the total demand 955113/);
    const alone = await runOptimize(['--model', 'pmedian', '--p', '4', '--single-source', '--costs', SF_COSTS, ...SF_COLS]);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/--single-source needs --capacity W/);
  });
});
