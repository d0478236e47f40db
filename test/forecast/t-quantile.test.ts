import { describe, expect, it } from 'vitest';
import { normalQuantile, tQuantile } from '../../src/forecast/t-quantile.ts';

describe('t quantiles (printed tables)', () => {
  it('normal: 1.959964 at 97.5 %, 1.644854 at 95 %, symmetric', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
  it('Student t at 97.5 %: ν = 5 → 2.571, 10 → 2.228, 37 → 2.026, ∞ → 1.960', () => {
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(tQuantile(0.975, 37)).toBeCloseTo(2.026, 3);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.96, 3);
  });
});
