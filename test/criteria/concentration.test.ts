import { describe, expect, it } from 'vitest';
import { arealConcentration, byBrand, siteConcentration } from '../../src/criteria/concentration.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { line, weighted } from './fixture.ts';

describe('brand concentration (Herfindahl)', () => {
  it('weighted shares: A 2 + 1, B 1 → (3/4)² + (1/4)² = 0.625; brands matched ignoring case', async () => {
    const rivals = weighted([100, 200, 300, 5000], [2, 1, 1, 1]);
    const groups = byBrand(rivals, ['A', ' a', 'B', 'C']);
    expect(groups.length).toBe(3);
    const hhi = await siteConcentration(createKernel(), line([0, 9000]), groups, { radius: 1000, decay: { kind: 'uniform' } });
    expect(hhi[0]).toBeCloseTo(0.625, 12);
    expect(hhi[1]).toBe(0); // no competitor in reach
  });

  it('areal: per polygon; an empty polygon is 0', () => {
    const out = arealConcentration(Int32Array.of(0, 0, 0, 1), ['A', 'B', 'C', 'A'], Float64Array.of(1, 1, 1, 1), 3);
    expect(out[0]).toBeCloseTo(1 / 3, 12);
    expect([out[1], out[2]]).toEqual([1, 0]);
  });
});
