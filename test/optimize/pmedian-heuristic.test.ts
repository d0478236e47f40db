/**
 * p-median at any size: the nearest lists cut where they can, the heuristic against proven optima
 * (OR-Library, Beasley 1985) and against HiGHS on small random instances, and its Lagrangian
 * lower bound never above the optimum.
 */
import { describe, expect, it } from 'vitest';
import { optimize, problemFromCostMatrix } from '../../src/optimize/index.ts';
import { nearestLists } from '../../src/optimize/nearest-lists.ts';
import { pmedianHeuristic } from '../../src/optimize/pmedian-heuristic.ts';
import { orlibOptima, readOrlib } from './orlib-pmed.ts';
import { randomInstance } from './random-instances.ts';

describe('nearest lists', () => {
  // 3 demand points on a line at 0, 10, 20; facilities A at 0, B at 12, F (fixed) at 20.
  const cost = Float64Array.of(0, 12, 20, /**/ 10, 2, 10, /**/ 20, 8, 0);
  const costs = problemFromCostMatrix({ model: 'pmedian', cost, n: 3, m: 3, weights: Float64Array.of(1, 1, 1), p: 1, fixed: [2] }).costs;

  it('end at the nearest fixed facility, nearest first', () => {
    const l = nearestLists(costs, [2]);
    const listOf = (i: number) => Array.from(l.facility.subarray(l.start[i], l.start[i + 1]));
    expect(listOf(0)).toEqual([0, 1, 2]);
    expect(listOf(1)).toEqual([1, 2]); // A at 10 ties F: F is kept, A is no better
    expect(listOf(2)).toEqual([2]);
    expect(Array.from(l.cap)).toEqual([20, 10, 0]);
    expect(l.truncated).toBe(false);
  });

  it('keep the k nearest beyond the budget, and say so', () => {
    const l = nearestLists(costs, [], 3);
    expect(l.truncated).toBe(false); // k is at least min(m, 16): all three kept
    const big = randomInstance(7, 50, 40);
    const lists = nearestLists(problemFromCostMatrix({ model: 'pmedian', ...big, p: 3 }).costs, [], 50 * 20);
    expect(lists.truncated).toBe(true);
    expect(lists.start[1] - lists.start[0]).toBe(20);
  });
});

describe('p-median heuristic on OR-Library instances', () => {
  const optima = orlibOptima();
  for (const name of ['pmed1', 'pmed2', 'pmed4', 'pmed5', 'pmed7']) {
    it(`${name}: within 1 % of the proven optimum, bound <= optimum`, async () => {
      const inst = readOrlib(name);
      const problem = problemFromCostMatrix({ model: 'pmedian', cost: inst.cost, n: inst.n, m: inst.n, weights: new Float64Array(inst.n).fill(1), p: inst.p });
      const r = await optimize(problem, { method: 'heuristic' });
      const opt = optima.get(name)!;
      expect(r.method).toBe('local-search');
      expect(r.selected).toHaveLength(inst.p);
      expect(r.objective).toBeLessThanOrEqual(opt * 1.01);
      expect(r.bound).toBeLessThanOrEqual(opt);
      expect(r.gap).toBeCloseTo((r.objective - r.bound) / r.objective, 12);
      if (r.exact) expect(r.objective).toBe(opt);
    });
  }
});

describe('p-median heuristic vs HiGHS on 10 seeded instances (60 demand × 25 candidates)', () => {
  it('bound <= exact optimum <= heuristic objective; fixed sites stay open', async () => {
    let same = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const inst = randomInstance(seed, 60, 25);
      const fixed = seed % 3 === 0 ? [seed % 25] : [];
      const problem = problemFromCostMatrix({ model: 'pmedian', ...inst, p: 2 + (seed % 4), fixed });
      const exact = await optimize(problem, { method: 'exact' });
      const heur = await optimize(problem, { method: 'heuristic' });
      expect(exact.exact).toBe(true);
      expect(heur.bound).toBeLessThanOrEqual(exact.objective * (1 + 1e-9));
      expect(heur.objective).toBeGreaterThanOrEqual(exact.objective * (1 - 1e-9));
      for (const j of fixed) expect(heur.selected).toContain(j);
      if (Math.abs(heur.objective - exact.objective) <= 1e-6 * exact.objective) same++;
    }
    expect(same).toBeGreaterThanOrEqual(9);
  });

  it('capped lists still give a valid bound', async () => {
    const inst = randomInstance(11, 80, 40);
    const problem = problemFromCostMatrix({ model: 'pmedian', ...inst, p: 3 });
    const exact = await optimize(problem, { method: 'exact' });
    const lists = nearestLists(problem.costs, [], 80 * 16);
    expect(lists.truncated).toBe(true);
    const h = pmedianHeuristic(lists, problem.costs.weights, [], 3);
    expect(h.bound).toBeLessThanOrEqual(exact.objective * (1 + 1e-9));
  });
});
