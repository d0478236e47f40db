/**
 * The PySAL spopt San Francisco instance (205 tracts × 16 stores, network metres, POP2000 weights)
 * through the cost-table door, S = 5 000 m, p = 4. Each model's optimum is proved here by
 * enumeration that shares no code with the solver (sf-reference.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { costTableFromCsv, optimize, problemFromCostTable, type ModelName, type OptimizeResult } from '../../src/optimize/index.ts';
import { bruteForce, objectives, readSfDense, SF_COSTS, subsets, type Dense } from './sf-reference.ts';

const S = 5000;
const P = 4;
let ref: Dense;

async function solveSf(model: ModelName, extra: { fixed?: string[]; p?: number } = {}): Promise<OptimizeResult> {
  const table = costTableFromCsv(SF_COSTS, readFileSync(SF_COSTS, 'utf8'));
  const { problem, rejects } = problemFromCostTable({
    model,
    table,
    columns: { origin: 'DestinationName', destination: 'name', cost: 'distance', weight: 'demand' },
    p: extra.p ?? P,
    radius: S,
    fixed: extra.fixed,
  });
  expect(rejects).toEqual([]);
  expect([problem.costs.n, problem.costs.m]).toEqual([205, 16]);
  return optimize(problem);
}

const names = (set: number[]) => set.map((j) => ref.stores[j]).sort();

beforeAll(() => {
  ref = readSfDense();
  // The file is complete: 205 × 16 = 3 280 rows, no pair missing.
  expect(ref.d.flat().every(Number.isFinite)).toBe(true);
});

describe('SF spopt instance: exact solutions are the true optima', () => {
  it('MCLP equals the best of all C(16,4) = 1 820 subsets', async () => {
    const brute = bruteForce(16, P, (set) => objectives.mclp(ref, set, S), true);
    expect(brute.count).toBe(1820);
    const r = await solveSf('mclp');
    expect(r.exact).toBe(true);
    expect(r.method).toBe('milp');
    expect(r.gap).toBe(0);
    expect(r.objective).toBeCloseTo(brute.best, 6);
    expect(r.selected).toHaveLength(4);
    // The solver's set achieves the optimum by the reference's own count.
    expect(objectives.mclp(ref, r.selected, S)).toBeCloseTo(brute.best, 6);
    if (brute.argmax.length === 1) expect([...r.selectedIds].sort()).toEqual(names(brute.argmax[0]));
    const total = ref.w.reduce((a, b) => a + b, 0);
    expect(r.coveragePct).toBeCloseTo((100 * brute.best) / total, 9);
  });

  it('p-median equals the best of all 1 820 subsets', async () => {
    const brute = bruteForce(16, P, (set) => objectives.pmedian(ref, set), false);
    const r = await solveSf('pmedian');
    expect(r.exact).toBe(true);
    expect(r.objective / brute.best).toBeCloseTo(1, 9);
    if (brute.argmax.length === 1) expect([...r.selectedIds].sort()).toEqual(names(brute.argmax[0]));
    // Mean distance is Σ w·d / Σ w for the same assignment.
    const total = ref.w.reduce((a, b) => a + b, 0);
    expect(r.meanDistance).toBeCloseTo(brute.best / total, 6);
  });

  it('p-center equals the best of all 1 820 subsets', async () => {
    const brute = bruteForce(16, P, (set) => objectives.pcenter(ref, set), false);
    const r = await solveSf('pcenter');
    expect(r.exact).toBe(true);
    expect(r.objective).toBeCloseTo(brute.best, 6);
    expect(r.maxDistance).toBeCloseTo(brute.best, 6);
    if (brute.argmax.length === 1) expect([...r.selectedIds].sort()).toEqual(names(brute.argmax[0]));
  });

  it('LSCP: the solver set covers every tract and no smaller set does', async () => {
    const r = await solveSf('lscp');
    expect(r.exact).toBe(true);
    const k = r.selected.length;
    expect(r.objective).toBe(k);
    expect(objectives.covers(ref, r.selected, S)).toBe(true);
    expect(r.coveragePct).toBe(100);
    let checked = 0;
    for (let size = 1; size < k; size++) {
      for (const set of subsets(16, size)) {
        checked++;
        expect(objectives.covers(ref, set, S)).toBe(false);
      }
    }
    // Σ_{size<k} C(16, size), e.g. 26 332 subsets for k = 8.
    expect(checked).toBeGreaterThan(0);
  });

  it('fixed sites are in the solution and counted: MCLP with Store_1 and Store_5 fixed, p = 2 more', async () => {
    const fixed = [ref.stores.indexOf('Store_1'), ref.stores.indexOf('Store_5')];
    // Best over the C(14,2) = 91 four-sets containing both fixed stores.
    const brute = bruteForce(16, 4, (set) => objectives.mclp(ref, set, S), true, fixed);
    expect(brute.count).toBe(91);
    const r = await solveSf('mclp', { fixed: ['Store_1', 'Store_5'], p: 2 });
    expect(r.selectedIds).toContain('Store_1');
    expect(r.selectedIds).toContain('Store_5');
    expect(r.selected).toHaveLength(4);
    expect(r.objective).toBeCloseTo(brute.best, 6);
    // Unconstrained optimum is at least as good: fixing can only cost coverage.
    const free = bruteForce(16, 4, (set) => objectives.mclp(ref, set, S), true);
    expect(free.best).toBeGreaterThanOrEqual(r.objective);
  });

  it('fixed sites under p-median are open and their distances are in the objective', async () => {
    const r = await solveSf('pmedian', { fixed: ['Store_16'], p: 3 });
    const j16 = ref.stores.indexOf('Store_16');
    const brute = bruteForce(16, 4, (set) => objectives.pmedian(ref, set), false, [j16]);
    expect(r.selectedIds).toContain('Store_16');
    expect(r.objective / brute.best).toBeCloseTo(1, 9);
  });
});

describe('SF p-center: both formulations agree', () => {
  it('the one-shot assignment MILP reaches the same optimum as bisection', async () => {
    const table = costTableFromCsv(SF_COSTS, readFileSync(SF_COSTS, 'utf8'));
    const cols = { origin: 'DestinationName', destination: 'name', cost: 'distance', weight: 'demand' };
    const { problem } = problemFromCostTable({ model: 'pcenter', table, columns: cols, p: P });
    const brute = bruteForce(16, P, (set) => objectives.pcenter(ref, set), false);
    const r = await optimize(problem, { pcenterFormulation: 'assignment' });
    expect(r.exact).toBe(true);
    expect(r.objective).toBeCloseTo(brute.best, 6);
  });
});
