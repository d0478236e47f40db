/**
 * Which ranked units are kept: best first, skipping units that are not eligible, that would exceed
 * their group's quota or lie too close to a unit already kept, until top K are kept or the scores
 * fall below the threshold.
 */
import { haversine } from '../geo/haversine.ts';
import type { KeepRule } from './types.ts';

export function decideKept(order: ArrayLike<number>, score: Float64Array, rule: KeepRule, lon?: Float64Array, lat?: Float64Array, kept = new Uint8Array(score.length)): Uint8Array {
  kept.fill(0);
  const limit = rule.topK ?? Infinity;
  const perGroup = new Map<number, number>();
  const spacing = rule.minSpacing !== undefined && lon && lat ? rule.minSpacing : 0;
  const chosen: number[] = [];
  for (let p = 0; p < order.length && chosen.length < limit; p++) {
    const unit = order[p];
    if (rule.minScore !== undefined && !(score[unit] >= rule.minScore)) break;
    if (rule.eligible && !rule.eligible[unit]) continue;
    const group = rule.perGroup ? rule.perGroup.group[unit] : 0;
    if (rule.perGroup && (perGroup.get(group) ?? 0) >= rule.perGroup.limit) continue;
    if (spacing > 0 && lon && lat && chosen.some((c) => haversine(lon[c], lat[c], lon[unit], lat[unit]) < spacing)) continue;
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    kept[unit] = 1;
    chosen.push(unit);
  }
  return kept;
}
