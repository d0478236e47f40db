/**
 * Weight sensitivity on cases whose probabilities can be worked out on paper.
 *
 * Two criteria, weights (w1, w2) with w1 + w2 = 1 after rescaling; the 'sum' score of a unit with
 * normalised values (a, b) is 100·(a·w1 + b·w2).
 *   A (1.0, 1.0): 100 for any weights — first in every draw.
 *   B (0.9, 0.1): 10 + 80·w1.      C (0.1, 0.9): 90 − 80·w1.   B beats C exactly when w1 > 0.5.
 *   D (0.0, 0.0): 0 — last in every draw.
 * With top k = 2, A is always in (robust, P = 1) and B or C takes the second place.
 * Around (0.5, 0.5) the Dirichlet is symmetric, so P(w1 > 0.5) = 0.5: B and C are fragile (P ≈ 0.5).
 * Around (0.6, 0.4) with concentration 10, w1 ~ Beta(6, 4) and
 *   P(w1 <= 0.5) = P(Binomial(9, 0.5) >= 6) = (84 + 36 + 9 + 1) / 512 = 0.2539,
 * so P(B in top 2) = 0.7461 and P(C in top 2) = 0.2539.
 */
import { describe, expect, it } from 'vitest';
import { dirichlet, mulberry32 } from '../../src/sensitivity/random.ts';
import { weightSensitivity } from '../../src/sensitivity/weights.ts';

const ids = ['A', 'B', 'C', 'D'];
const crit1 = Float64Array.of(1.0, 0.9, 0.1, 0.0);
const crit2 = Float64Array.of(1.0, 0.1, 0.9, 0.0);

describe('weightSensitivity', () => {
  it('separates a robust pick from fragile ones (symmetric weights)', () => {
    const r = weightSensitivity([crit1, crit2], [1, 1], ids, { concentration: 20, draws: 4000, seed: 7, topK: 2 });
    expect(r.pTopK[0]).toBe(1); // A: robust
    expect(r.pTopK[0]).toBeGreaterThanOrEqual(0.95);
    // B, C: fragile, 0.5 each; 4 000 draws give a standard error of 0.008, so ±0.04 is 5 SE.
    expect(r.pTopK[1]).toBeGreaterThan(0.46);
    expect(r.pTopK[1]).toBeLessThan(0.54);
    expect(r.pTopK[1] + r.pTopK[2]).toBeCloseTo(1, 12); // exactly one of them is second
    expect(r.pTopK[3]).toBe(0); // D never
    expect([r.rankP05[0], r.rankMedian[0], r.rankP95[0]]).toEqual([1, 1, 1]);
    expect([r.rankP05[1], r.rankP95[1]]).toEqual([2, 3]);
    expect([r.rankP05[2], r.rankP95[2]]).toEqual([2, 3]);
    expect([r.rankP05[3], r.rankMedian[3], r.rankP95[3]]).toEqual([4, 4, 4]);
  });

  it('follows the Beta(6, 4) probability around weights (0.6, 0.4)', () => {
    const r = weightSensitivity([crit1, crit2], [0.6, 0.4], ids, { concentration: 10, draws: 8000, seed: 11, topK: 2 });
    // SE = sqrt(0.746·0.254/8000) = 0.0049; ±0.02 is 4 SE.
    expect(Math.abs(r.pTopK[1] - 0.7461)).toBeLessThan(0.02);
    expect(Math.abs(r.pTopK[2] - 0.2539)).toBeLessThan(0.02);
    expect(r.rankMedian[1]).toBe(2); // B is second in most draws
    expect(r.rankMedian[2]).toBe(3);
  });

  it('a very large concentration keeps the original ranking', () => {
    const r = weightSensitivity([crit1, crit2], [0.6, 0.4], ids, { concentration: 1e6, draws: 200, seed: 1, topK: 2 });
    // w1 ~ Beta(600 000, 400 000): sd 0.0005, never near 0.5.
    expect(Array.from(r.pTopK)).toEqual([1, 1, 0, 0]);
    expect(Array.from(r.rankMedian)).toEqual([1, 2, 3, 4]);
  });

  it('is reproducible for a seed and changes with it', () => {
    const opts = { concentration: 5, draws: 500, topK: 2 };
    const a = weightSensitivity([crit1, crit2], [1, 1], ids, { ...opts, seed: 3 });
    const b = weightSensitivity([crit1, crit2], [1, 1], ids, { ...opts, seed: 3 });
    const c = weightSensitivity([crit1, crit2], [1, 1], ids, { ...opts, seed: 4 });
    expect(b.pTopK).toEqual(a.pTopK);
    expect(c.pTopK[1]).not.toBe(a.pTopK[1]);
  });

  it('geometric combination: a zero on a weighted criterion scores 0', () => {
    // B' (0.9, 0.0) scores 0 under any weights with w2 > 0; A' (0.5, 0.5) scores 50; C' (0.2, 0.2) 20.
    const r = weightSensitivity([Float64Array.of(0.9, 0.5, 0.2), Float64Array.of(0, 0.5, 0.2)], [1, 1], ['B', 'A', 'C'], {
      concentration: 20, draws: 300, seed: 2, topK: 1, combine: 'geometric',
    });
    expect(Array.from(r.pTopK)).toEqual([0, 1, 0]);
    expect(Array.from(r.rankMedian)).toEqual([3, 1, 2]);
  });

  it('rejects bad options with a message naming the value', () => {
    expect(() => weightSensitivity([crit1], [1, 1], ids, { concentration: 1, draws: 1, seed: 1, topK: 1 })).toThrow(/2 weights given for 1 criteria/);
    expect(() => weightSensitivity([crit1, crit2], [1, 1], ids, { concentration: 0, draws: 1, seed: 1, topK: 1 })).toThrow(/concentration: 0/);
    expect(() => weightSensitivity([crit1, crit2], [1, 1], ids, { concentration: 1, draws: 0, seed: 1, topK: 1 })).toThrow(/draws: 0/);
  });
});

describe('Dirichlet sampler', () => {
  it('Dir(0.5, 0.5) is the arcsine law: P(w1 < 0.1) = (2/π)·asin(√0.1) = 0.2048', () => {
    const rnd = mulberry32(5);
    const out = new Float64Array(2);
    let below = 0;
    let sum = 0;
    const N = 20000;
    for (let t = 0; t < N; t++) {
      dirichlet(rnd, [0.5, 0.5], out);
      if (out[0] < 0.1) below++;
      sum += out[0];
    }
    // SE 0.0029 → ±0.012 is 4 SE; the mean is 0.5 (SE 0.0025).
    expect(Math.abs(below / N - 0.2048)).toBeLessThan(0.012);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(0.01);
  });

  it('Dir(2, 3, 5) has mean (0.2, 0.3, 0.5)', () => {
    const rnd = mulberry32(9);
    const out = new Float64Array(3);
    const mean = [0, 0, 0];
    const N = 20000;
    for (let t = 0; t < N; t++) {
      dirichlet(rnd, [2, 3, 5], out);
      for (let k = 0; k < 3; k++) mean[k] += out[k] / N;
    }
    // Var(w3) = 0.5·0.5/11 → SE 0.0011; ±0.006 is > 5 SE.
    expect(mean[0]).toBeCloseTo(0.2, 2);
    expect(mean[1]).toBeCloseTo(0.3, 2);
    expect(Math.abs(mean[2] - 0.5)).toBeLessThan(0.006);
  });
});

describe('ranking inside the sensitivity loop', () => {
  it('matches the funnel ranking (score desc, ties by id) on small and large unit counts', async () => {
    const { rankScores } = await import('../../src/score/rank.ts');
    const { makeRanker } = await import('../../src/sensitivity/rank-units.ts');
    for (const n of [7, 5000]) {
      const rnd = mulberry32(n);
      // Scores on a coarse grid so ties are common; ids deliberately not in index order.
      const score = Float64Array.from({ length: n }, () => Math.floor(rnd() * 20));
      const ids = Array.from({ length: n }, (_, i) => `u${(i * 7919) % n}`);
      const mine = new Int32Array(n);
      makeRanker(ids)(score, mine);
      expect(Array.from(mine)).toEqual(Array.from(rankScores(score, ids).rank));
    }
  });
});
