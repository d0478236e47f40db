import { describe, expect, it } from 'vitest';
import { applyDirection } from '../../src/score/direction.ts';
import { normalCdf, normalise } from '../../src/score/normalise.ts';

const f = (xs: number[]) => Float64Array.from(xs);

describe('normalise', () => {
  it('min–max: (x − 2) / (10 − 2)', () => {
    expect([...normalise(f([2, 4, 10, 6]), 'minmax')]).toEqual([0, 0.25, 1, 0.5]);
  });

  it('min–max of equal values is 1 for all; non-finite: +∞ → 1, −∞ and NaN → 0, left out of min/max', () => {
    expect([...normalise(f([3, 3]), 'minmax')]).toEqual([1, 1]);
    expect([...normalise(f([0, Infinity, 10, NaN, -Infinity, 5]), 'minmax')]).toEqual([0, 1, 1, 0, 0, 0.5]);
  });

  it('min–max output lies in [0, 1] (property over random inputs)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2000 - 1000;
    for (let trial = 0; trial < 50; trial++) {
      const out = normalise(Float64Array.from({ length: 1 + (trial % 9) }, random), 'minmax');
      for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it('z-score through Φ: mean 2, sd 1 for [1, 2, 3] → Φ(−1), Φ(0), Φ(1)', () => {
    const out = normalise(f([1, 2, 3]), 'zscore');
    expect(out[0]).toBeCloseTo(0.158655, 5);
    expect(out[1]).toBeCloseTo(0.5, 6);
    expect(out[2]).toBeCloseTo(0.841345, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('percentile with a tie: values 10, 20, 20, 30 → 0, (1 + 0.5)/3, (1 + 0.5)/3, 1', () => {
    expect([...normalise(f([10, 20, 20, 30]), 'percentile')]).toEqual([0, 0.5, 0.5, 1]);
  });

  it('rank (dense): 10, 20, 20, 40 → 0, 0.5, 0.5, 1', () => {
    expect([...normalise(f([10, 20, 20, 40]), 'rank')]).toEqual([0, 0.5, 0.5, 1]);
  });

  it('none passes values through (NaN → 0)', () => {
    expect([...normalise(f([0.2, NaN, 3]), 'none')]).toEqual([0.2, 0, 3]);
  });
});

describe('direction', () => {
  it('lower negates, so min–max gives the smallest raw value 1', () => {
    expect([...normalise(applyDirection(f([2, 4, 10]), 'lower'), 'minmax')]).toEqual([1, 0.75, 0]);
  });

  it('toward a target: −|x − 10 000|', () => {
    expect([...applyDirection(f([8000, 10000, 13000]), { target: 10000 })]).toEqual([-2000, -0, -3000]);
  });

  it('inside a range [5, 8]: 0 inside, minus the distance outside', () => {
    expect([...applyDirection(f([3, 5, 7, 8, 11]), { range: [5, 8] })]).toEqual([-2, 0, 0, 0, -3]);
  });
});
