/**
 * Channel mix on a line worked by hand (metres along the equator). Demand: A at 0 (100), B at 1000
 * (100), C at 3000 (50), D at 3200 (50), E at 6000 (30). Sites: s1 at 0, s2 at 1500, s3 at 3100,
 * s4 at 6000; districts West = {s1, s2}, East = {s3, s4}.
 * Types: branch (cost 10, radius 1200, value 1), atm (cost 2, radius 300, value 0.3).
 * Coverage: branch s1 → A, B (200); s2 → B (100); s3 → C, D (100); s4 → E (30).
 *           atm s1 → A (30); s2 → nothing; s3 → C, D (30); s4 → E (9).
 */
import { describe, expect, it } from 'vitest';
import { solveChannelMix } from '../../src/optimize/channel-mix.ts';
import type { ChannelMixProblem, MixRule } from '../../src/optimize/channel-mix-problem.ts';
import { facilityCostsFromMatrix } from '../../src/optimize/from-cost-matrix.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';

const M_PER_DEG = (6371008.8 * Math.PI) / 180;
const DEMAND = [0, 1000, 3000, 3200, 6000];
const SITES = [0, 1500, 3100, 6000];
const TYPES = [
  { name: 'branch', cost: 10, radius: 1200, value: 1 },
  { name: 'atm', cost: 2, radius: 300, value: 0.3 },
];

function line(budget: number, rules: MixRule[] = [], existingType = [-1, -1, -1, -1]): ChannelMixProblem {
  const cost = Float64Array.from(DEMAND.flatMap((x) => SITES.map((s) => Math.abs(x - s))));
  const costs = facilityCostsFromMatrix(cost, 5, 4, Float64Array.of(100, 100, 50, 50, 30), ['A', 'B', 'C', 'D', 'E'], ['s1', 's2', 's3', 's4']);
  return {
    costs,
    types: TYPES,
    budget,
    existingType: Int32Array.from(existingType),
    districts: { of: Int32Array.of(0, 0, 1, 1), names: ['West', 'East'], residents: Float64Array.of(200, 130) },
    rules,
    locations: { lon: Float64Array.from(SITES, (x) => x / M_PER_DEG), lat: new Float64Array(4) },
  };
}

const picked = (r: Awaited<ReturnType<typeof solveChannelMix>>) => r.sites.map((s) => `${s.type}@${s.id}`).sort();

describe('channel mix on the line', () => {
  it('budget 12: a branch at s1 (200) and an ATM at s3 (30) = 230; six ATMs reach only 99', async () => {
    for (const method of ['exact', 'heuristic'] as const) {
      const r = await solveChannelMix(line(12), { method });
      expect(picked(r)).toEqual(['atm@s3', 'branch@s1']);
      expect(r.objective).toBeCloseTo(230, 6);
      expect(r.spent).toBe(12);
      // What each brings: without the branch A and B are lost (200); without the ATM, C and D (0.3·100).
      expect(r.sites.map((s) => [s.id, s.marginalValue])).toEqual([['s1', 200], ['s3', 30]]);
      expect(r.byType.map((t) => [t.type, t.newOutlets, t.served])).toEqual([['branch', 1, 200], ['atm', 1, 100]]);
      // The greedy's bound at the empty set: branch s1 (ratio 20) then 2 of budget on ATM s3 (15/unit) = 230.
      expect(r.exact).toBe(true);
      expect(r.bound).toBeCloseTo(230, 6);
    }
  });

  it('a branch in every district, budget 22: s1 and s3 (300); an ATM at s4 would add 9 but no branch is within 500 m', async () => {
    const rules: MixRule[] = [{ rule: 'count', type: 'branch', min: 1, scope: 'district' }];
    const free = await solveChannelMix(line(22, rules), { method: 'exact' });
    expect(picked(free)).toEqual(['atm@s4', 'branch@s1', 'branch@s3']);
    expect(free.objective).toBeCloseTo(309, 6);
    const near = await solveChannelMix(line(22, [...rules, { rule: 'near', type: 'atm', of: 'branch', within: 500 }]), { method: 'exact' });
    expect(picked(near)).toEqual(['branch@s1', 'branch@s3']);
    expect(near.objective).toBeCloseTo(300, 6);
    expect(near.spent).toBe(20);
    const greedy = await solveChannelMix(line(22, [...rules, { rule: 'near', type: 'atm', of: 'branch', within: 500 }]), { method: 'heuristic' });
    expect(picked(greedy)).toEqual(['branch@s1', 'branch@s3']);
    expect(greedy.bound).toBeGreaterThanOrEqual(300);
  });

  it('ratio and density: one branch for every 2 ATMs, at most 1 ATM per 100 residents per district', async () => {
    // Budget 6 with no rule: three ATMs s1, s3, s4 = 30 + 30 + 9 = 69. One branch per 2 ATMs leaves no
    // ATM (a branch costs 10): 0. An existing branch at s2 allows 2 ATMs: s1 and s3 (B 100 + 30 + 30 = 160).
    const ratio: MixRule = { rule: 'ratio', type: 'branch', atLeast: 1, forEvery: 2, of: 'atm', scope: 'global' };
    expect((await solveChannelMix(line(6), { method: 'exact' })).objective).toBeCloseTo(69, 6);
    expect((await solveChannelMix(line(6, [ratio]), { method: 'exact' })).objective).toBeCloseTo(0, 6);
    const withOwn = await solveChannelMix(line(6, [ratio], [-1, 0, -1, -1]), { method: 'exact' });
    expect(picked(withOwn)).toEqual(['atm@s1', 'atm@s3']);
    expect(withOwn.objective).toBeCloseTo(160, 6);
    expect(withOwn.baseline).toBeCloseTo(100, 6);
    expect(withOwn.byType.find((t) => t.type === 'branch')?.existingOutlets).toBe(1);
    // East has 130 residents: at most 1 ATM there, so s4's ATM goes: 30 + 30 = 60.
    const density: MixRule = { rule: 'density', type: 'atm', max: 1, perResidents: 100, scope: 'district' };
    for (const method of ['exact', 'heuristic'] as const) {
      const r = await solveChannelMix(line(6, [density]), { method });
      expect(picked(r)).toEqual(['atm@s1', 'atm@s3']);
      expect(r.objective).toBeCloseTo(60, 6);
    }
  });

  it('refuses rules no mix can meet, naming the rule and the numbers', async () => {
    const allowed = Uint8Array.of(1, 1, 1, 1, 0, 1, 0, 1); // no branch possible at s3 or s4 (East)
    const p = { ...line(50, [{ rule: 'count', type: 'branch', min: 1, scope: 'district' }]), allowed };
    await expect(solveChannelMix(p)).rejects.toThrow(/no mix can meet "at least 1 branch in district 'East'": the candidates there can add at most 0 of the 1 needed/);
    await expect(solveChannelMix(line(50, [{ rule: 'count', type: 'kiosk', min: 1, scope: 'global' }]))).rejects.toThrow(/names type 'kiosk', which is not one of the outlet types \(branch, atm\)/);
    await expect(solveChannelMix(line(5, [{ rule: 'count', type: 'branch', min: 1, scope: 'global' }]), { method: 'exact' })).rejects.toThrow(/no mix meets every rule within the budget/);
    await expect(solveChannelMix(line(5, [{ rule: 'count', type: 'branch', min: 1, scope: 'global' }]), { method: 'heuristic' })).rejects.toThrow(/found no outlet that meets "at least 1 branch overall" within the budget/);
  });
});

describe('channel mix greedy against the MILP (seeded random instances)', () => {
  it('objective <= MILP optimum <= greedy bound, rules kept', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = mulberry32(seed);
      const n = 60;
      const m = 25;
      const dx = Array.from({ length: n }, () => [rnd() * 8000, rnd() * 8000]);
      const fx = Array.from({ length: m }, () => [rnd() * 8000, rnd() * 8000]);
      const cost = Float64Array.from(dx.flatMap((d) => fx.map((f) => Math.hypot(d[0] - f[0], d[1] - f[1]))));
      const costs = facilityCostsFromMatrix(cost, n, m, Float64Array.from(dx, () => 1 + Math.floor(rnd() * 50)));
      const problem: ChannelMixProblem = {
        costs,
        types: [{ name: 'branch', cost: 10, radius: 2000, value: 1 }, { name: 'agent', cost: 4, radius: 1200, value: 0.5 }, { name: 'atm', cost: 1, radius: 600, value: 0.3 }],
        budget: 40,
        existingType: new Int32Array(m).fill(-1),
        rules: [{ rule: 'ratio', type: 'branch', atLeast: 1, forEvery: 3, of: 'agent', scope: 'global' }],
      };
      const exact = await solveChannelMix(problem, { method: 'exact' });
      const greedy = await solveChannelMix(problem, { method: 'heuristic' });
      expect(exact.exact).toBe(true);
      expect(greedy.objective).toBeLessThanOrEqual(exact.objective + 1e-6);
      expect(greedy.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
      const count = (type: string) => greedy.sites.filter((s) => s.type === type).length;
      expect(3 * count('branch')).toBeGreaterThanOrEqual(count('agent'));
      expect(greedy.spent).toBeLessThanOrEqual(40);
    }
  });
});
