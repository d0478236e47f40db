/** The table-and-series e^(−x) of the decay loop against Math.exp. */
import { describe, expect, it } from 'vitest';
import { expNeg } from '../../src/kernel/exp-table.ts';
import { mulberry32 } from './instances.ts';

describe('expNeg', () => {
  it('is e^(−x) within 6e-16 relative (≤ 3 ulp) on [0, 70), exact at table points', () => {
    const rnd = mulberry32(1);
    let worst = 0;
    for (let n = 0; n < 100_000; n++) {
      const x = 70 * rnd();
      worst = Math.max(worst, Math.abs(expNeg(x) - Math.exp(-x)) / Math.exp(-x));
    }
    expect(worst).toBeLessThan(6e-16);
    expect(expNeg(0)).toBe(1);
    expect(expNeg(1)).toBe(Math.exp(-1)); // 1 = 32/32: the coarse table entry times fine[0] = 1, r = 0
  });
});
