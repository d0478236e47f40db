/**
 * Which ranked units are kept: best first, skipping units that are not eligible, that would exceed
 * their group's quota or lie too close to a unit already kept, until top K are kept or the scores
 * fall below the threshold.
 */
import { haversine } from '../geo/haversine.ts';
import type { KeepRule } from './types.ts';

export function decideKept(order: ArrayLike<number>, score: Float64Array, rule: KeepRule, lon?: Float64Array, lat?: Float64Array, kept = new Uint8Array(score.length)): Uint8Array {
  kept.fill(0);
  const keeper = new Keeper(rule, lon !== undefined && lat !== undefined);
  for (let p = 0; p < order.length && !keeper.done; p++) {
    const unit = order[p];
    const eligible = !rule.eligible || rule.eligible[unit] !== 0;
    const group = rule.perGroup ? rule.perGroup.group[unit] : 0;
    kept[unit] = keeper.offer(score[unit], eligible, group, lon ? lon[unit] : NaN, lat ? lat[unit] : NaN) ? 1 : 0;
  }
  return kept;
}

/**
 * decideKept one unit at a time, best first (a streamed list offers its sites in rank order):
 * remembers only the kept units' points and each group's count.
 */
export class Keeper {
  /** No later unit can be kept (top K reached, or a score below the threshold). */
  done = false;
  /** After a SPACING verdict: which kept unit (by keeping order) was too close, and how far it is. */
  nearKept = -1;
  nearMetres = NaN;
  private doneBy: Verdict = Verdict.TopKFilled;
  private readonly limit: number;
  private readonly spacing: number;
  private readonly perGroup = new Map<number, number>();
  private readonly chosenLon: number[] = [];
  private readonly chosenLat: number[] = [];

  constructor(private readonly rule: KeepRule, hasPoints: boolean) {
    this.limit = rule.topK ?? Infinity;
    this.spacing = rule.minSpacing !== undefined && hasPoints ? rule.minSpacing : 0;
    this.done = this.limit <= 0;
  }

  offer(score: number, eligible: boolean, group: number, lon: number, lat: number): boolean {
    return this.judge(score, eligible, group, lon, lat) === Verdict.Kept;
  }

  /** offer, saying why a unit is not kept (a number, so the hot loop allocates nothing). */
  judge(score: number, eligible: boolean, group: number, lon: number, lat: number): Verdict {
    const { rule } = this;
    if (this.done) return this.doneBy;
    if (rule.minScore !== undefined && !(score >= rule.minScore)) {
      this.done = true;
      this.doneBy = Verdict.BelowMinScore;
      return Verdict.BelowMinScore;
    }
    if (!eligible) return Verdict.Ineligible;
    if (rule.perGroup && (this.perGroup.get(group) ?? 0) >= rule.perGroup.limit) return Verdict.GroupFull;
    if (this.spacing > 0) {
      for (let k = 0; k < this.chosenLon.length; k++) {
        const d = haversine(this.chosenLon[k], this.chosenLat[k], lon, lat);
        if (d < this.spacing) {
          this.nearKept = k;
          this.nearMetres = d;
          return Verdict.TooClose;
        }
      }
    }
    this.perGroup.set(group, (this.perGroup.get(group) ?? 0) + 1);
    this.chosenLon.push(lon);
    this.chosenLat.push(lat);
    if (this.chosenLon.length >= this.limit) this.done = true;
    return Verdict.Kept;
  }
}

/** Keeper.judge's answer for one unit. */
export const Verdict = {
  Kept: 0,
  /** Top K were kept before this unit's turn. */
  TopKFilled: 1,
  BelowMinScore: 2,
  /** Fails a constraint that does not depend on the ranking. */
  Ineligible: 3,
  /** Its group (region) already has its quota. */
  GroupFull: 4,
  /** Closer than the minimum spacing to a unit already kept. */
  TooClose: 5,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];
