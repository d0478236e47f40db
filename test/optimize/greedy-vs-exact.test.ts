/**
 * Lazy greedy against the exact optimum on seeded random instances. Theory (Nemhauser, Wolsey &
 * Fisher 1978): greedy >= (1 − 1/e)·OPT ≈ 0.632·OPT for a monotone submodular objective, which
 * MCLP coverage and Huff share are; the reported bound must never be below OPT.
 */
import { describe, expect, it } from 'vitest';
import { optimize, problemFromCostMatrix, huffShare } from '../../src/optimize/index.ts';
import { subsets } from './sf-reference.ts';
import { randomInstance } from './random-instances.ts';
import { coverageOracle } from '../../src/optimize/coverage-oracle.ts';
import { lazyGreedy } from '../../src/optimize/lazy-greedy.ts';

const GUARANTEE = 1 - 1 / Math.E;

describe('MCLP: lazy greedy vs HiGHS on 15 seeded instances (80 demand × 20 candidates)', () => {
  it('greedy >= (1 − 1/e)·exact, greedy <= exact <= greedy bound, every time', async () => {
    const ratios: number[] = [];
    for (let seed = 1; seed <= 15; seed++) {
      const inst = randomInstance(seed, 80, 20);
      const p = 2 + (seed % 4);
      const radius = 1200 + 100 * (seed % 10);
      const problem = problemFromCostMatrix({ model: 'mclp', ...inst, p, radius });
      const exact = await optimize(problem);
      const greedy = await optimize(problem, { method: 'heuristic' });
      expect(exact.exact).toBe(true);
      expect(greedy.method).toBe('lazy-greedy');
      expect(greedy.selected).toHaveLength(p);
      expect(greedy.objective).toBeGreaterThanOrEqual(GUARANTEE * exact.objective);
      expect(greedy.objective).toBeLessThanOrEqual(exact.objective + 1e-9);
      expect(greedy.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      expect(greedy.gap).toBeCloseTo((greedy.bound - greedy.objective) / greedy.objective, 12);
      ratios.push(greedy.objective / exact.objective);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    console.log(`MCLP greedy/exact: mean ${mean.toFixed(4)}, min ${Math.min(...ratios).toFixed(4)} over ${ratios.length} instances`);
    expect(mean).toBeGreaterThanOrEqual(GUARANTEE);
  });

  it('fixed sites: in the greedy and the exact solution, counted in both objectives', async () => {
    const inst = randomInstance(99, 80, 20);
    const problem = problemFromCostMatrix({ model: 'mclp', ...inst, p: 2, radius: 1500, fixed: [3, 17] });
    for (const method of ['exact', 'heuristic'] as const) {
      const r = await optimize(problem, { method });
      expect(r.selected).toContain(3);
      expect(r.selected).toContain(17);
      expect(r.selected).toHaveLength(4);
      // Objective = weight within 1 500 m of any of the four, recomputed here from the matrix.
      let covered = 0;
      for (let i = 0; i < inst.n; i++) if (r.selected.some((j) => inst.cost[i * inst.m + j] <= 1500)) covered += inst.weights[i];
      expect(r.objective).toBeCloseTo(covered, 9);
    }
  });
});

describe('Huff share: lazy greedy vs enumeration on 15 seeded instances (60 demand × 10 candidates)', () => {
  it('greedy >= (1 − 1/e)·OPT, the enumeration is the best of all C(10,3) sets, bound >= OPT', async () => {
    const ratios: number[] = [];
    for (let seed = 101; seed <= 115; seed++) {
      const inst = randomInstance(seed, 60, 10);
      const huff = {
        attractiveness: Float64Array.from({ length: 10 }, (_, j) => 1 + (j % 3)),
        competitorPressure: Float64Array.from({ length: 60 }, (_, i) => (i % 4) * 1e-3),
        beta: 1.5,
        floor: 100,
      };
      const problem = problemFromCostMatrix({ model: 'huff', ...inst, p: 3, radius: 4000, huff });
      const exact = await optimize(problem);
      expect(exact.method).toBe('enumeration');
      // Independent check: share of every 3-set, computed from the formula directly.
      let best = 0;
      for (const set of subsets(10, 3)) {
        let got = 0;
        let total = 0;
        for (let i = 0; i < 60; i++) {
          let own = 0;
          for (const j of set) {
            const d = inst.cost[i * 10 + j];
            if (d <= 4000) own += huff.attractiveness[j] * Math.max(d, 100) ** -1.5;
          }
          total += inst.weights[i];
          got += own > 0 ? (inst.weights[i] * own) / (own + huff.competitorPressure[i]) : 0;
        }
        best = Math.max(best, got / total);
      }
      expect(exact.objective).toBeCloseTo(best, 12);
      const greedy = await optimize(problem, { method: 'heuristic' });
      expect(greedy.objective).toBeGreaterThanOrEqual(GUARANTEE * best);
      expect(greedy.objective).toBeLessThanOrEqual(best + 1e-12);
      expect(greedy.bound).toBeGreaterThanOrEqual(best - 1e-12);
      expect(greedy.objective).toBeCloseTo(huffShare(problem, greedy.selected), 12);
      ratios.push(greedy.objective / best);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    console.log(`Huff greedy/exact: mean ${mean.toFixed(4)}, min ${Math.min(...ratios).toFixed(4)} over ${ratios.length} instances`);
  });

  it('fixed own outlets count toward the share: with all but one fixed, the share is the best completion', async () => {
    const inst = randomInstance(7, 40, 5);
    const huff = { attractiveness: new Float64Array(5).fill(1), competitorPressure: new Float64Array(40).fill(1e-4), beta: 2, floor: 50 };
    const problem = problemFromCostMatrix({ model: 'huff', ...inst, p: 1, radius: 3000, huff, fixed: [0, 1, 2] });
    const r = await optimize(problem, { method: 'heuristic' });
    expect(r.selected.slice(0, 3)).toEqual([0, 1, 2]);
    const best = Math.max(huffShare(problem, [0, 1, 2, 3]), huffShare(problem, [0, 1, 2, 4]));
    // One step of greedy from the fixed set is the best single addition: exactly optimal here.
    expect(r.objective).toBeCloseTo(best, 12);
    expect(r.objective).toBeGreaterThan(huffShare(problem, [0, 1, 2]));
  });
});

describe('MCLP Lagrangian bound (the LP-relaxation bound without an LP solver, for big instances)', () => {
  it('never falls below the exact optimum and comes within 1 % of it on 6 seeded instances', async () => {
    const { mclpLagrangianBound } = await import('../../src/optimize/mclp-lagrangian.ts');
    for (let seed = 201; seed <= 206; seed++) {
      const inst = randomInstance(seed, 80, 20);
      const problem = problemFromCostMatrix({ model: 'mclp', ...inst, p: 3, radius: 1500 });
      const exact = await optimize(problem);
      const greedy = await optimize(problem, { method: 'heuristic' });
      const lag = mclpLagrangianBound(problem.costs, { radius: 1500, totalOpen: 3, fixed: [], lowerBound: greedy.objective, iterations: 200 });
      expect(lag.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      expect(lag.bound).toBeLessThanOrEqual(exact.objective * 1.01);
    }
  });
});

describe('MCLP swap local search after the greedy', () => {
  it('never covers less than the greedy alone, and more in total', async () => {
    let greedyTotal = 0;
    let swapTotal = 0;
    // The instances of the first test, where the greedy alone misses the optimum a few times.
    for (let seed = 1; seed <= 15; seed++) {
      const inst = randomInstance(seed, 80, 20);
      const problem = problemFromCostMatrix({ model: 'mclp', ...inst, p: 2 + (seed % 4), radius: 1200 + 100 * (seed % 10) });
      const exact = await optimize(problem);
      const heur = await optimize(problem, { method: 'heuristic' });
      const greedy = lazyGreedy(coverageOracle(problem.costs, problem.radius!), problem.p!, []);
      expect(heur.objective).toBeGreaterThanOrEqual(greedy.value - 1e-9);
      expect(heur.objective).toBeLessThanOrEqual(exact.objective + 1e-9);
      greedyTotal += greedy.value;
      swapTotal += heur.objective;
    }
    expect(swapTotal).toBeGreaterThan(greedyTotal);
  });
});
