/**
 * Why a unit is not kept, as values (the numbers a planner checks against the scenario), one per
 * unit: a constraint it fails on its own (Exclusion, decided before ranking), or what the keeping
 * pass met at its turn (top K filled, a score below the minimum, too close to a kept site, its
 * region's quota). `notKeptReasons` replays the keep rule of a (re-ranked) level to find them.
 */
import { Keeper, Verdict } from './keep.ts';
import type { LevelResult } from './types.ts';

export type Exclusion =
  | { kind: 'near-own'; metres: number; outlet: string; minimum: number }
  | { kind: 'above-max'; column: string; value: number; maximum: number }
  | { kind: 'below-min'; column: string; value: number; minimum: number }
  | { kind: 'no-value'; column: string; bound: 'maximum' | 'minimum'; limit: number }
  | { kind: 'excluded-area'; area: number };

export type NotKept =
  | Exclusion
  | { kind: 'rank'; rank: number; of: number; topK: number }
  | { kind: 'min-score'; score: number; minimum: number }
  | { kind: 'spacing'; metres: number; site: string; minimum: number }
  | { kind: 'group-cap'; limit: number; group: string }
  | { kind: 'not-eligible'; text: string };

const cache = new WeakMap<LevelResult, (NotKept | null)[]>();

/**
 * Per unit of the level: null when kept, else why not. `groupNames` names the keep rule's groups
 * (the regions, for a per-region quota). Cached per level object (a re-rank is a new object).
 */
export function notKeptReasons(level: LevelResult, groupNames: readonly string[] = []): (NotKept | null)[] {
  const hit = cache.get(level);
  if (hit) return hit;
  const n = level.ids.length;
  const reasons: (NotKept | null)[] = Array<NotKept | null>(n).fill(null);
  const rule = level.keepRule;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[level.rank[i] - 1] = i;
  if (!rule) {
    for (const i of order) if (!level.kept[i]) reasons[i] = { kind: 'rank', rank: level.rank[i], of: n, topK: level.kept.reduce((s, k) => s + k, 0) };
    cache.set(level, reasons);
    return reasons;
  }
  const { lon, lat } = level;
  const keeper = new Keeper(rule, lon !== undefined && lat !== undefined);
  const keptInOrder: number[] = [];
  for (const unit of order) {
    const eligible = !rule.eligible || rule.eligible[unit] !== 0;
    const group = rule.perGroup ? rule.perGroup.group[unit] : 0;
    const verdict = keeper.judge(level.score[unit], eligible, group, lon ? lon[unit] : NaN, lat ? lat[unit] : NaN);
    if (verdict === Verdict.Kept) keptInOrder.push(unit);
    else reasons[unit] = reasonOf(verdict, level, unit, keeper, keptInOrder, groupNames);
  }
  cache.set(level, reasons);
  return reasons;
}

function reasonOf(verdict: Verdict, level: LevelResult, unit: number, keeper: Keeper, keptInOrder: number[], groupNames: readonly string[]): NotKept {
  const rule = level.keepRule ?? {};
  switch (verdict) {
    case Verdict.TopKFilled:
      return { kind: 'rank', rank: level.rank[unit], of: level.ids.length, topK: rule.topK ?? 0 };
    case Verdict.BelowMinScore:
      return { kind: 'min-score', score: level.score[unit], minimum: rule.minScore ?? 0 };
    case Verdict.Ineligible:
      return level.exclusions?.[unit] ?? { kind: 'not-eligible', text: level.excludedBy?.[unit] ?? '' };
    case Verdict.GroupFull: {
      const g = rule.perGroup?.group[unit] ?? -1;
      return { kind: 'group-cap', limit: rule.perGroup?.limit ?? 0, group: groupNames[g] ?? '' };
    }
    default: {
      const near = keptInOrder[keeper.nearKept];
      return { kind: 'spacing', metres: keeper.nearMetres, site: level.ids[near] ?? '', minimum: rule.minSpacing ?? 0 };
    }
  }
}
