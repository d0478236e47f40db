import { describe, expect, it } from 'vitest';
import { decideKept } from '../../src/score/keep.ts';
import { rerank } from '../../src/score/rerank.ts';
import { scoreLevel } from '../../src/score/score-level.ts';
import { east } from '../criteria/fixture.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

// Five units already in rank order 0..4 with scores 90, 80, 70, 60, 50.
const order = [0, 1, 2, 3, 4];
const score = Float64Array.of(90, 80, 70, 60, 50);

describe('decideKept', () => {
  it('top K and a threshold: top 3 with minScore 75 → units 0 and 1', () => {
    expect([...decideKept(order, score, { topK: 3, minScore: 75 })]).toEqual([1, 1, 0, 0, 0]);
  });

  it('no rule keeps everyone; an ineligible unit is skipped and the next one takes its place', () => {
    expect([...decideKept(order, score, {})]).toEqual([1, 1, 1, 1, 1]);
    expect([...decideKept(order, score, { topK: 2, eligible: Uint8Array.of(1, 0, 1, 1, 1) })]).toEqual([1, 0, 1, 0, 0]);
  });

  it('per-group quota and spacing together: a unit refused for spacing does not use up its group’s quota', () => {
    // x positions 0, 100, 5000, 200, 6000 m; groups A A B A B; quota 2 per group; spacing 150 m.
    // 0 kept (A1); 1 is 100 m from 0 → refused; 2 kept (B1); 3 is 200 m from 0 → kept (A2); 4 kept (B2).
    const lon = Float64Array.of(0, 100, 5000, 200, 6000).map(east);
    const lat = new Float64Array(5);
    const rule = { perGroup: { limit: 2, group: Int32Array.of(0, 0, 1, 0, 1) }, minSpacing: 150 };
    expect([...decideKept(order, score, rule, lon, lat)]).toEqual([1, 0, 1, 1, 1]);
    // with quota 1, unit 3 is refused for the quota
    expect([...decideKept(order, score, { ...rule, perGroup: { ...rule.perGroup, limit: 1 } }, lon, lat)]).toEqual([1, 0, 1, 0, 0]);
  });
});

describe('explained columns', () => {
  it('DuckDB gives each criterion’s points with the score; a re-rank computes them on first read, and they survive a spread copy', async () => {
    const level = await scoreLevel(testDb(), {
      level: 'region', ids: ['a', 'b'], names: ['a', 'b'], parent: Int32Array.of(-1, -1),
      criteria: [{ name: 'x', label: 'x', weight: 2, raw: Float64Array.of(1, 3), normalise: 'minmax', direction: 'higher' }],
      combine: 'sum', keepRule: {},
    });
    expect([...level.criteria[0].contribution]).toEqual([0, 100]);
    const reranked = rerank(level, { x: 1 });
    const copy = { ...reranked.criteria[0] };
    expect([...copy.contribution]).toEqual([0, 100]);
    expect(reranked.criteria[0].contribution).toBe(copy.contribution); // computed once
    expect(JSON.parse(JSON.stringify({ c: reranked.criteria[0].contribution })).c).toEqual({ 0: 0, 1: 100 });
  });
});
