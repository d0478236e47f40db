import { describe, expect, it } from 'vitest';
import { combineScores, contributionOf, rescaleWeights } from '../../src/score/combine.ts';
import { rankScores } from '../../src/score/rank.ts';

function run(normalised: number[][], weights: number[], how: 'sum' | 'geometric') {
  const cols = normalised.map((c) => Float64Array.from(c));
  const n = cols[0].length;
  const w = rescaleWeights(weights);
  const score = combineScores(cols, w, how, new Float64Array(n));
  const contributions = cols.map((_, k) => contributionOf(k, cols, w, how, score));
  return { score, contributions };
}

describe('combineScores', () => {
  it('weighted sum: weights 3 and 1 → 0.75 and 0.25; unit (1, 0) → 75, (0.5, 1) → 62.5', () => {
    const { score, contributions } = run([[1, 0.5], [0, 1]], [3, 1], 'sum');
    expect([...score]).toEqual([75, 62.5]);
    expect([...contributions[0]]).toEqual([75, 37.5]);
    expect([...contributions[1]]).toEqual([0, 25]);
  });

  it('geometric mean: 100 · 0.25^0.5 · 1^0.5 = 50; split in proportion to w·n (0.125 : 0.5)', () => {
    const { score, contributions } = run([[0.25], [1]], [1, 1], 'geometric');
    expect(score[0]).toBeCloseTo(50, 12);
    expect(contributions[0][0]).toBeCloseTo(10, 12);
    expect(contributions[1][0]).toBeCloseTo(40, 12);
  });

  it('a 0 on a weighted criterion gives a geometric score of 0; a zero-weight criterion is ignored', () => {
    expect(run([[0], [1]], [1, 1], 'geometric').score[0]).toBe(0);
    expect(run([[0], [0.64]], [0, 1], 'geometric').score[0]).toBeCloseTo(64, 12);
  });

  it('properties: contributions sum to the score; a common factor on the weights changes nothing', () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 200;
    const cols = Array.from({ length: 4 }, () => Array.from({ length: n }, random));
    const ids = Array.from({ length: n }, (_, i) => `u${i}`);
    const weights = [0.4, 1.3, 0, 2.2];
    for (const how of ['sum', 'geometric'] as const) {
      const a = run(cols, weights, how);
      const b = run(cols, weights.map((w) => w * 37.5), how);
      for (let i = 0; i < n; i++) {
        const total = a.contributions.reduce((s, c) => s + c[i], 0);
        expect(total).toBeCloseTo(a.score[i], 9);
        expect(a.score[i] >= 0 && a.score[i] <= 100).toBe(true);
      }
      expect([...rankScores(b.score, ids).rank]).toEqual([...rankScores(a.score, ids).rank]);
    }
  });

  it('rescaleWeights sums to 1, all zero stays zero', () => {
    expect([...rescaleWeights([1, 3])]).toEqual([0.25, 0.75]);
    expect([...rescaleWeights([0, 0])]).toEqual([0, 0]);
  });
});
