import { describe, expect, it } from 'vitest';
import { arealOverlap, tradeAreaCounts } from '../../src/criteria/cannibalisation.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line } from './fixture.ts';

const kernel = createKernel();

describe('cannibalisation, areal form (overlap of own trade areas)', () => {
  it('counts the trade areas holding each demand point, by outlet type radius', async () => {
    // branches at 0 and 3000 (radius 2000), an agent at 1200 (radius 1000).
    // demand at 1500: branch 0 (1500 ✓), branch 3000 (1500 ✓), agent (300 ✓) → 3
    // demand at −1000: branch 0 only → 1; demand at 5500: none (2500 from the 3000 branch) → 0
    const counts = await tradeAreaCounts(kernel, line([1500, -1000, 5500]), [
      { points: line([0, 3000]), radius: 2000 },
      { points: line([1200]), radius: 1000 },
    ]);
    expect([...counts]).toEqual([3, 1, 0]);
  });

  it('share of demand inside two or more trade areas: area 0 → 30/(30+10), area 1 → 0', () => {
    const share = arealOverlap(Int32Array.of(0, 0, 1), Float64Array.of(30, 10, 5), Float64Array.of(3, 1, 0), 2);
    expect([...share]).toEqual([0.75, 0]);
  });
});
