/**
 * The scoring suite (score-suite.ts) on DuckDB-WASM in Node and on native DuckDB: scores, ranks and
 * kept units equal the hand-worked ones, and the two engines give identical doubles; the same for
 * the hand-worked funnel, worked out below. Chromium runs the same suite in browser-vs-node.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { SCORE_CASES, runHandFunnel, runScoreSuite, type ScoreOutcome } from './score-suite.ts';

let wasm: ScoreOutcome[];
let native: ScoreOutcome[];
let wasmFunnel: Awaited<ReturnType<typeof runHandFunnel>>;
let nativeFunnel: Awaited<ReturnType<typeof runHandFunnel>>;

beforeAll(async () => {
  // one after the other: a Database is one connection, and statements of two runs interleaved on it
  // (an append of one between another's streamed reads) failed now and then in CI
  const a = await openNodeDatabase();
  try {
    wasm = await runScoreSuite(a);
    wasmFunnel = await runHandFunnel(a);
  } finally {
    await a.close();
  }
  const b = await openNativeDatabase();
  try {
    native = await runScoreSuite(b);
    nativeFunnel = await runHandFunnel(b);
  } finally {
    await b.close();
  }
}, 180_000);

describe.each(SCORE_CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
  const c = SCORE_CASES[i];
  it('gives the hand-worked scores, ranks and kept units on DuckDB-WASM in Node', () => {
    const got = wasm[i];
    if ('error' in got) throw new Error(got.error);
    got.score.forEach((s, k) => expect(s, `s${k + 1}`).toBeCloseTo(c.expected.score[k], 10));
    expect(got.rank).toEqual(c.expected.rank);
    if (c.expected.kept) expect(got.kept).toEqual(c.expected.kept);
    // each site's points add up to its score
    got.score.forEach((s, k) => expect(got.points.reduce((sum, p) => sum + p[k], 0)).toBeCloseTo(s, 10));
  });

  it('gives identical doubles on native DuckDB', () => {
    expect(native[i]).toEqual(wasm[i]);
  });
});

/*
 * The hand-worked funnel (score-suite.ts handBundle, HAND_SCENARIO): weights footfall 3, rent 1 →
 * 0.75, 0.25, so a unit's score = 75 · footfall (min-max) + 25 · rent (lower, rank: the dense rank
 * of −rent, 0 worst … 1 best).
 * Regions: footfall 30, 10, 20 → 1, 0, ½; rent 50, 20, 50 → 0, 1, 0. R1 75, R2 25, R3 37.5: R1, R3 kept (top 2).
 * Districts of R1 and R3 only (D3 and D4, footfall 9, never enter the min-max): D1, D2, D5, D6 with
 *   footfall 8, 4, 8, 6 → 1, 0, 1, ½ and rent 30, 10, 20, 20 → 0, 1, ½, ½: 75, 25, 87.5, 50.
 *   Ranks 2, 4, 1, 3; top 3 kept: D1, D5, D6.
 * Sites in D1, D5, D6 (s9 lies in D2, cut): s1…s5 with footfall 100, 300, 300, 200, 500 → 0, ½, ½, ¼, 1
 *   and rent 40, 20, 20, 60, 40 → ½, 1, 1, 0, ½: 12.5, 62.5, 62.5, 18.75, 87.5. s2 and s3 tie: by id,
 *   s2 first. Ranks 5, 2, 3, 4, 1. Kept (top 3, at most 1 per region): s5 (R3), s2 (R1); s3, s4 are R3's
 *   second and third, s1 R1's second: two kept.
 */
describe('the hand-worked funnel', () => {
  it('scores, ranks and cuts each level as worked out by hand, with every criterion’s points', () => {
    const f = wasmFunnel;
    expect(f.regions.score).toEqual([75, 25, 37.5]);
    expect(f.regions.rank).toEqual([1, 3, 2]);
    expect(f.regions.kept).toEqual([1, 0, 1]);
    expect(f.regions.criteria.map((c) => c.normalised)).toEqual([[1, 0, 0.5], [0, 1, 0]]);

    expect(f.districts.ids).toEqual(['D1', 'D2', 'D5', 'D6']);
    expect(f.districts.criteria.map((c) => c.raw)).toEqual([[8, 4, 8, 6], [30, 10, 20, 20]]);
    expect(f.districts.score).toEqual([75, 25, 87.5, 50]);
    expect(f.districts.rank).toEqual([2, 4, 1, 3]);
    expect(f.districts.kept).toEqual([1, 0, 1, 1]);

    expect(f.sites.ids).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(f.sites.criteria.map((c) => c.normalised)).toEqual([[0, 0.5, 0.5, 0.25, 1], [0.5, 1, 1, 0, 0.5]]);
    expect(f.sites.criteria.map((c) => c.points)).toEqual([[0, 37.5, 37.5, 18.75, 75], [12.5, 25, 25, 0, 12.5]]);
    expect(f.sites.score).toEqual([12.5, 62.5, 62.5, 18.75, 87.5]);
    expect(f.sites.rank).toEqual([5, 2, 3, 4, 1]);
    expect(f.sites.kept).toEqual([0, 1, 0, 0, 1]);
  });

  it('is the same on native DuckDB, to the last bit', () => {
    expect(nativeFunnel).toEqual(wasmFunnel);
  });
});
