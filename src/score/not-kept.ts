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
  | { kind: 'excluded-area'; area: number }
  | { kind: 'filtered'; predicate: string };

export type NotKept =
  | Exclusion
  | { kind: 'rank'; rank: number; of: number; topK: number }
  | { kind: 'min-score'; score: number; minimum: number }
  | { kind: 'spacing'; metres: number; site: string; minimum: number }
  | { kind: 'group-cap'; limit: number; group: string }
  | { kind: 'not-eligible'; text: string };

/**
 * The reasons of a level, found by replaying its keep rule in rank order only as far as the units
 * asked about (the table shows the best first): one verdict byte per unit, and under a spacing
 * rule the kept unit too close and its distance. A reason becomes a value only when asked for, so
 * re-ranking 100 k sites costs no pass over all of them and no objects.
 */
export class LevelReasons {
  private readonly verdicts: Uint8Array;
  private readonly order: Int32Array;
  private readonly keeper: Keeper | null;
  private readonly keptInOrder: number[] = [];
  private near: Int32Array | null = null;
  private nearMetres: Float64Array | null = null;
  /** Units of `order` judged so far. */
  private judged = 0;

  constructor(private readonly level: LevelResult, private readonly groupNames: readonly string[]) {
    const n = level.ids.length;
    this.verdicts = new Uint8Array(n);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[level.rank[i] - 1] = i;
    const rule = level.keepRule;
    this.keeper = rule ? new Keeper(rule, level.lon !== undefined && level.lat !== undefined) : null;
  }

  get length(): number {
    return this.verdicts.length;
  }

  /** Judges the units in rank order up to rank r (1-based). */
  private judgeTo(r: number): void {
    const { level, keeper, order, verdicts } = this;
    const rule = level.keepRule;
    const { lon, lat } = level;
    for (; this.judged < r; this.judged++) {
      const unit = order[this.judged];
      if (!keeper || !rule) {
        verdicts[unit] = level.kept[unit] ? Verdict.Kept : Verdict.TopKFilled;
        continue;
      }
      const eligible = !rule.eligible || rule.eligible[unit] !== 0;
      const group = rule.perGroup ? rule.perGroup.group[unit] : 0;
      const verdict = keeper.judge(level.score[unit], eligible, group, lon ? lon[unit] : NaN, lat ? lat[unit] : NaN);
      verdicts[unit] = verdict;
      if (verdict === Verdict.Kept) this.keptInOrder.push(unit);
      else if (verdict === Verdict.TooClose) {
        this.near ??= new Int32Array(verdicts.length).fill(-1);
        this.nearMetres ??= new Float64Array(verdicts.length).fill(NaN);
        this.near[unit] = this.keptInOrder[keeper.nearKept];
        this.nearMetres[unit] = keeper.nearMetres;
      }
    }
  }

  /** Why unit i is not kept; null when it is. */
  at(i: number): NotKept | null {
    const { level } = this;
    this.judgeTo(level.rank[i]);
    const rule = level.keepRule ?? {};
    switch (this.verdicts[i] as Verdict) {
      case Verdict.Kept:
        return null;
      case Verdict.TopKFilled:
        return { kind: 'rank', rank: level.rank[i], of: level.ids.length, topK: rule.topK ?? level.kept.reduce((s, k) => s + k, 0) };
      case Verdict.BelowMinScore:
        return { kind: 'min-score', score: level.score[i], minimum: rule.minScore ?? 0 };
      case Verdict.Ineligible:
        return level.exclusions?.[i] ?? { kind: 'not-eligible', text: level.excludedBy?.[i] ?? '' };
      case Verdict.GroupFull:
        return { kind: 'group-cap', limit: rule.perGroup?.limit ?? 0, group: this.groupNames[rule.perGroup?.group[i] ?? -1] ?? '' };
      case Verdict.TooClose:
        return { kind: 'spacing', metres: this.nearMetres?.[i] ?? NaN, site: level.ids[this.near?.[i] ?? -1] ?? '', minimum: rule.minSpacing ?? 0 };
    }
  }

  all(): (NotKept | null)[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

const cache = new WeakMap<LevelResult, LevelReasons>();

/**
 * Why each unit of the level is not kept. `groupNames` names the keep rule's groups (the regions,
 * for a per-region quota). Cached per level object (a re-rank is a new object).
 */
export function notKeptReasons(level: LevelResult, groupNames: readonly string[] = []): LevelReasons {
  let reasons = cache.get(level);
  if (!reasons) cache.set(level, (reasons = new LevelReasons(level, groupNames)));
  return reasons;
}
