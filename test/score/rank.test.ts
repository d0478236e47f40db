import { describe, expect, it } from 'vitest';
import { rankScores } from '../../src/score/rank.ts';

describe('rankScores', () => {
  it('best first; equal scores ranked by id; NaN last', () => {
    const ids = ['c', 'a', 'b', 'd', 'e'];
    const { rank, order } = rankScores(Float64Array.from([50, 70, 50, NaN, -3]), ids);
    // 70 (a) → 1; 50 tie between c and b → b 2, c 3; −3 (e) → 4; NaN (d) → 5
    expect([...rank]).toEqual([3, 1, 2, 5, 4]);
    expect([...order]).toEqual([1, 2, 0, 4, 3]);
  });

  it('−0 ties with 0 and tiny differences are not ties', () => {
    const { rank } = rankScores(Float64Array.from([-0, 0, 1e-300, 5e-324]), ['b', 'a', 'd', 'c']);
    // 1e-300 > 5e-324 > 0 = −0; the zeros tie → a before b
    expect([...rank]).toEqual([4, 3, 1, 2]);
  });

  it('scores equal in float32 but not in float64 are still ordered exactly (short and long runs)', () => {
    for (const n of [10, 500]) {
      // 1 + k·1e−12 all round to the same float32; ids run backwards so id order ≠ score order
      const ids = Array.from({ length: n }, (_, k) => `id${String(n - k).padStart(4, '0')}`);
      const score = Float64Array.from({ length: n }, (_, k) => 1 + (k % 7) * 1e-12);
      const { rank } = rankScores(score, ids);
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || (ids[a] < ids[b] ? -1 : 1));
      expected.forEach((unit, p) => expect(rank[unit]).toBe(p + 1));
    }
  });

  it('agrees with a comparator sort (score desc, id asc) on random data with many ties', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 3000;
    const ids = Array.from({ length: n }, (_, i) => `s${(i * 7919) % n}`);
    const score = Float64Array.from({ length: n }, () => Math.round(random() * 200 - 50) / 2);
    const { rank } = rankScores(score, ids);
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || (ids[a] < ids[b] ? -1 : 1));
    expected.forEach((unit, p) => expect(rank[unit]).toBe(p + 1));
  });
});
