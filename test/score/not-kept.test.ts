import { describe, expect, it } from 'vitest';
import { formatNotKept } from '../../src/score/format-not-kept.ts';
import { decideKept } from '../../src/score/keep.ts';
import { notKeptReasons } from '../../src/score/not-kept.ts';
import type { KeepRule, LevelResult } from '../../src/score/types.ts';

/**
 * Six sites on the equator, best first a … f. a and b are 0.001° (111 m) apart, the others 1° apart.
 * Keep 2, spacing 500 m, one per region, c's rent 120 is above the maximum 100.
 */
function level(): LevelResult {
  const n = 6;
  const rule: KeepRule = {
    topK: 2,
    minSpacing: 500,
    eligible: Uint8Array.of(1, 1, 0, 1, 1, 1),
    perGroup: { limit: 1, group: Int32Array.of(0, 1, 1, 0, 1, 1) },
  };
  const score = Float64Array.of(90, 80, 70, 60, 50, 40);
  const base: LevelResult = {
    level: 'site', ids: ['a', 'b', 'c', 'd', 'e', 'f'], names: ['A', 'B', 'C', 'D', 'E', 'F'],
    lon: Float64Array.of(0, 0.001, 1, 2, 3, 4), lat: new Float64Array(n), parent: new Int32Array(n),
    score, rank: Int32Array.of(1, 2, 3, 4, 5, 6), kept: new Uint8Array(n), criteria: [], keepRule: rule,
    exclusions: [null, null, { kind: 'above-max', column: 'rent', value: 120, maximum: 100 }, null, null, null],
  };
  base.kept = decideKept([0, 1, 2, 3, 4, 5], score, rule, base.lon, base.lat);
  return base;
}

describe('notKeptReasons', () => {
  it('names for every cut site the rule it met at its turn', () => {
    const l = level();
    expect([...l.kept]).toEqual([1, 0, 0, 0, 1, 0]);
    const words = notKeptReasons(l, ['North', 'South']).all().map((r) => formatNotKept(r));
    expect(words).toEqual([
      '',
      'within 500 m of kept site a (111 m)',
      'rent 120 above the maximum 100',
      'region cap of 1 reached (North)',
      '',
      'cut: rank 6 of 6, top 2 kept',
    ]);
  });

  it('a minimum score cuts every site below it', () => {
    const l = level();
    l.keepRule = { minScore: 75 };
    l.kept = decideKept([0, 1, 2, 3, 4, 5], l.score, l.keepRule);
    const reasons = notKeptReasons(l).all();
    expect(reasons[2]).toEqual({ kind: 'min-score', score: 70, minimum: 75 });
    expect(formatNotKept(reasons[5], 'zh')).toBe('得分 40.0 低于最低分 75');
    expect(reasons.slice(0, 2)).toEqual([null, null]);
  });

  it('words in Chinese name the outlet and the minimum', () => {
    expect(formatNotKept({ kind: 'near-own', metres: 177.4, outlet: 'North Gate', minimum: 300 }, 'zh')).toBe('距自有网点 North Gate 177 米（至少 300 米）');
    expect(formatNotKept({ kind: 'near-own', metres: 177.4, outlet: 'North Gate', minimum: 300 })).toBe('177 m from own outlet North Gate (minimum 300 m)');
    expect(formatNotKept({ kind: 'above-max', column: 'rent', value: 103590, maximum: 60000 })).toBe('rent 103 590 above the maximum 60 000');
  });
});
