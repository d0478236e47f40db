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
    const { rule } = this;
    if (this.done) return false;
    if (rule.minScore !== undefined && !(score >= rule.minScore)) {
      this.done = true;
      return false;
    }
    if (!eligible) return false;
    if (rule.perGroup && (this.perGroup.get(group) ?? 0) >= rule.perGroup.limit) return false;
    if (this.spacing > 0 && this.chosenLon.some((c, k) => haversine(c, this.chosenLat[k], lon, lat) < this.spacing)) return false;
    this.perGroup.set(group, (this.perGroup.get(group) ?? 0) + 1);
    this.chosenLon.push(lon);
    this.chosenLat.push(lat);
    if (this.chosenLon.length >= this.limit) this.done = true;
    return true;
  }
}
