/**
 * LSCP by greedy cover and p-center by radius search, against HiGHS on small seeded instances:
 * the reported bound is never above the exact optimum, the heuristic never below it, and a bound
 * that meets the answer is reported as proved optimal.
 */
import { describe, expect, it } from 'vitest';
import { optimize, problemFromCostMatrix } from '../../src/optimize/index.ts';
import { greedyCover } from '../../src/optimize/cover-greedy.ts';
import { randomInstance } from './random-instances.ts';

describe('greedy cover', () => {
  it('covers a line of points and drops the site made redundant', () => {
    // Points at 0, 1, 2, 3 (km); sites A at 1 (reaches 0–2), B at 2.5 (reaches 2–3), C at 0 (reaches 0–1).
    const pos = [0, 1, 2, 3];
    const sites = [1, 2.5, 0];
    const cost = Float64Array.from(pos.flatMap((x) => sites.map((s) => Math.abs(x - s))));
    const costs = problemFromCostMatrix({ model: 'lscp', cost, n: 4, m: 3, weights: new Float64Array(4).fill(1), radius: 1 }).costs;
    expect(greedyCover(costs, 1, [])).toEqual([0, 1]);
    // With C fixed: A is no longer the first pick's only way to 0, but 2 still needs A or B.
    expect(greedyCover(costs, 1, [2])).toEqual([1, 2]);
    expect(greedyCover(costs, 0.4, [])).toBeNull();
  });
});

describe('heuristics vs HiGHS on 8 seeded instances (70 demand × 25 candidates)', () => {
  it('LSCP: bound <= exact count <= greedy count', async () => {
    for (let seed = 21; seed <= 28; seed++) {
      const inst = randomInstance(seed, 70, 25);
      const problem = problemFromCostMatrix({ model: 'lscp', ...inst, radius: 5000 + 200 * (seed % 5) });
      const exact = await optimize(problem, { method: 'exact' });
      const heur = await optimize(problem, { method: 'heuristic' });
      expect(heur.method).toBe('greedy-cover');
      expect(heur.bound).toBeLessThanOrEqual(exact.objective);
      expect(heur.objective).toBeGreaterThanOrEqual(exact.objective);
      expect(heur.coveragePct).toBe(100);
      if (heur.exact) expect(heur.objective).toBe(exact.objective);
    }
  });

  it('p-center: bound <= exact radius <= heuristic radius, fixed sites open', async () => {
    let within10 = 0;
    for (let seed = 31; seed <= 38; seed++) {
      const inst = randomInstance(seed, 70, 25);
      const fixed = seed % 2 === 0 ? [seed % 25] : [];
      const problem = problemFromCostMatrix({ model: 'pcenter', ...inst, p: 3 + (seed % 3), fixed });
      const exact = await optimize(problem, { method: 'exact' });
      const heur = await optimize(problem, { method: 'heuristic' });
      expect(heur.method).toBe('radius-search');
      expect(heur.selected).toHaveLength(problem.p! + fixed.length);
      for (const j of fixed) expect(heur.selected).toContain(j);
      expect(heur.bound).toBeLessThanOrEqual(exact.objective + 1e-9);
      expect(heur.objective).toBeGreaterThanOrEqual(exact.objective - 1e-9);
      if (heur.objective <= 1.1 * exact.objective) within10++;
    }
    expect(within10).toBeGreaterThanOrEqual(6);
  });
});
