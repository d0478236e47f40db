/**
 * Rank within a group (region, district or the whole file) and the top-N shortlist. Sites that
 * fail a scenario constraint (excludedBy ≠ '': rent, excluded areas, minimum distance to own
 * outlets) are ranked but never shortlisted; the scenario's minimum spacing is honoured greedily,
 * best first: a site closer than the spacing to one already chosen in its shortlist is skipped.
 */
import { haversine } from '../../geo/haversine.ts';
import type { LevelResult } from '../../score/types.ts';

/** Site indices best first (rank 1 first). */
export function rankOrder(result: LevelResult): number[] {
  const order = new Array<number>(result.rank.length);
  for (let i = 0; i < result.rank.length; i++) order[result.rank[i] - 1] = i;
  return order;
}

/** 1-based rank of each site within its group (group -1 is a group of its own), by overall rank. */
export function rankWithinGroups(result: LevelResult, group: Int32Array): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(result.rank.length);
  for (const i of rankOrder(result)) {
    const n = (seen.get(group[i]) ?? 0) + 1;
    seen.set(group[i], n);
    out[i] = n;
  }
  return out;
}

export interface ShortlistOptions {
  /** Metres between chosen sites of one shortlist (the scenario's constraints.minSpacing). */
  minSpacing?: number;
  lon: Float64Array;
  lat: Float64Array;
}

/** Indices of the best `top` eligible, spaced sites in each group, in overall rank order. */
export function shortlist(result: LevelResult, group: Int32Array, top: number, opts?: ShortlistOptions): number[] {
  const chosen = new Map<number, number[]>();
  const out: number[] = [];
  const spacing = opts?.minSpacing ?? 0;
  for (const i of rankOrder(result)) {
    if (result.excludedBy?.[i]) continue;
    const picks = chosen.get(group[i]) ?? [];
    if (picks.length >= top) continue;
    if (spacing > 0 && opts) {
      const { lon, lat } = opts;
      if (picks.some((j) => haversine(lon[i], lat[i], lon[j], lat[j]) < spacing)) continue;
    }
    picks.push(i);
    chosen.set(group[i], picks);
    out.push(i);
  }
  return out;
}
