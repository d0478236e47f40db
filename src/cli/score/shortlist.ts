/**
 * Rank within a group (region, district or the whole file) and the top-N shortlist. Sites that
 * fail a scenario constraint (excludedBy ≠ '': rent, excluded areas, minimum distance to own
 * outlets) are ranked but never shortlisted; the scenario's minimum spacing is honoured greedily,
 * best first: a site closer than the spacing to one already chosen in its shortlist is skipped.
 */
import { haversine } from '../../geo/haversine.ts';
import { rankOrder, rankWithinGroups } from '../../score/rank-order.ts';
import type { LevelResult } from '../../score/types.ts';

export { rankOrder, rankWithinGroups };

export interface ShortlistOptions {
  /** Metres between chosen sites of one shortlist (the scenario's constraints.minSpacing). */
  minSpacing?: number;
  lon: Float64Array;
  lat: Float64Array;
}

/** Indices of the best `top` eligible, spaced sites in each group, in overall rank order. */
export function shortlist(result: LevelResult, group: Int32Array, top: number, opts?: ShortlistOptions): number[] {
  const picker = new ShortlistPicker(top, opts?.minSpacing ?? 0);
  const lon = opts?.lon, lat = opts?.lat;
  return rankOrder(result).filter((i) => picker.offer(!!result.excludedBy?.[i], group[i], lon ? lon[i] : NaN, lat ? lat[i] : NaN));
}

/** shortlist one site at a time, best first: remembers only each group's picks' points. */
export class ShortlistPicker {
  private readonly picks = new Map<number, { lon: number[]; lat: number[] }>();

  constructor(private readonly top: number, private readonly spacing: number) {}

  offer(excluded: boolean, group: number, lon: number, lat: number): boolean {
    if (excluded) return false;
    let picks = this.picks.get(group);
    if (picks === undefined) this.picks.set(group, (picks = { lon: [], lat: [] }));
    if (picks.lon.length >= this.top) return false;
    if (this.spacing > 0 && picks.lon.some((pl, k) => haversine(lon, lat, pl, picks.lat[k]) < this.spacing)) return false;
    picks.lon.push(lon);
    picks.lat.push(lat);
    return true;
  }
}
