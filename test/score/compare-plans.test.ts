/** comparePlans and criterionDeltas on hand-made shortlists and levels (answers worked by hand). */
import { describe, expect, it } from 'vitest';
import { comparePlans, criterionDeltas } from '../../src/score/compare-plans.ts';
import type { ShortlistEntry } from '../../src/score/funnel-shortlist.ts';
import type { LevelResult } from '../../src/score/types.ts';

const entry = (id: string, rank: number, score: number): ShortlistEntry => ({ site: 0, id, name: `Site ${id}`, region: 'R', district: 'D', score, rank, rankInDistrict: rank, rankInRegion: rank });

function level(ids: string[], criteria: [string, number[]][]): LevelResult {
  const n = ids.length;
  return {
    level: 'site', ids, names: ids.map((id) => `Site ${id}`), parent: new Int32Array(n).fill(-1),
    score: Float64Array.from(ids, (_, i) => criteria.reduce((s, [, v]) => s + v[i], 0)),
    rank: Int32Array.from(ids, (_, i) => i + 1), kept: new Uint8Array(n).fill(1),
    criteria: criteria.map(([name, v]) => ({ name, label: name.toUpperCase(), weight: 1, raw: Float64Array.from(v), normalised: Float64Array.from(v), contribution: Float64Array.from(v) })),
  } as LevelResult;
}

describe('comparePlans', () => {
  it('splits the kept sites into entering (B order), leaving (A order) and kept in both with their moves', () => {
    const a = [entry('s1', 1, 60), entry('s2', 2, 55), entry('s3', 5, 50)];
    const b = [entry('s3', 1, 58), entry('s4', 3, 52), entry('s1', 4, 51)];
    const d = comparePlans(a, b);
    expect(d.entering.map((s) => [s.id, s.rank, s.score])).toEqual([['s4', 3, 52]]);
    expect(d.leaving.map((s) => [s.id, s.rank, s.score])).toEqual([['s2', 2, 55]]);
    expect(d.both.map((s) => [s.id, s.rankA, s.rankB, s.scoreA, s.scoreB])).toEqual([['s3', 5, 1, 50, 58], ['s1', 1, 4, 60, 51]]);
  });
});

describe('criterionDeltas', () => {
  it("gives a site's points under each plan by criterion, matched by id, NaN where a plan lacks it", () => {
    const a = level(['x', 'y'], [['demand', [10, 20]], ['rent', [5, 1]]]);
    const b = level(['y', 'z'], [['demand', [12, 3]], ['access', [4, 4]]]);
    const rows = criterionDeltas(a, b, 'y');
    expect(rows.map((r) => [r.criterion, r.pointsA, r.pointsB])).toEqual([['demand', 20, 12], ['access', NaN, 4], ['rent', 1, NaN]]);
    expect(criterionDeltas(a, b, 'x').map((r) => r.pointsB)).toEqual([NaN, NaN, NaN]);
  });
});
