import { describe, expect, it } from 'vitest';
import { arealCoverageGap, siteCoverageGap, uncoveredMask } from '../../src/criteria/coverage-gap.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, weighted } from './fixture.ts';

const kernel = createKernel();
/*
 * Own branch at 0 (D = 2000 m), own agent at 5000 m (D = 1000 m).
 * Demand: 1500 (w 10) covered by the branch; 2500 (w 20) 2500 m from both → uncovered;
 * 4500 (w 40) 500 m from the agent → covered; 3000 (w 80) 3000 / 2000 m away → uncovered.
 */
const demand = weighted([1500, 2500, 4500, 3000], [10, 20, 40, 80]);
const groups = [
  { points: line([0]), radius: 2000 },
  { points: line([5000]), radius: 1000 },
];

describe('coverage_gap', () => {
  it('marks demand beyond D of every own outlet', async () => {
    expect([...(await uncoveredMask(kernel, demand, groups))]).toEqual([0, 1, 0, 1]);
  });

  it('site form: uncovered demand within 1 km of a site at 2800 m → 20 + 80 = 100', async () => {
    // 1500 is 1300 m away (outside R), 4500 is 1700 m away
    expect((await siteCoverageGap(kernel, line([2800]), demand, groups, { radius: 1000 }))[0]).toBe(100);
  });

  it('with one D for all types (2 km) the 3000 m point becomes covered by the agent → 20', async () => {
    const sameD = groups.map((g) => ({ ...g, radius: 2000 }));
    expect((await siteCoverageGap(kernel, line([2800]), demand, sameD, { radius: 1000 }))[0]).toBe(20);
  });

  it('with no own outlet, all demand in range is a gap', async () => {
    // 1500 and 4500 lie outside R of the site either way
    expect((await siteCoverageGap(kernel, line([2800]), demand, [], { radius: 1000 }))[0]).toBe(100);
  });

  it('areal form: share of demand uncovered — area 0 holds 1500 and 2500 → 20/30, area 1 the rest → 80/120', () => {
    const share = arealCoverageGap(Int32Array.of(0, 0, 1, 1), demand.weight, Uint8Array.of(0, 1, 0, 1), 2);
    expect(share[0]).toBeCloseTo(2 / 3, 12);
    expect(share[1]).toBeCloseTo(2 / 3, 12);
  });
});
