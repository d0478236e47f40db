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
    if (rule.perGroup) {
      const group = rule.perGroup.group[unit];
      const count = perGroup.get(group) ?? 0;
      if (count >= rule.perGroup.limit) continue;
      perGroup.set(group, count + 1);
    }
    if (spacing > 0 && lon && lat && chosen.some((c) => haversine(lon[c], lat[c], lon[unit], lat[unit]) < spacing)) {
      if (rule.perGroup) perGroup.set(rule.perGroup.group[unit], perGroup.get(rule.perGroup.group[unit])! - 1);
      continue;
    }
    kept[unit] = 1;
    chosen.push(unit);
  }
  return kept;
}
