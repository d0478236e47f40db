/**
 * Rank within a group (region, district or the whole file) and the top-N shortlist. Sites that
 * fail a scenario constraint (excludedBy ≠ '') are ranked but never shortlisted.
 */
import type { LevelResult } from '../../score/types.ts';

/** 1-based rank of each site within its group (group -1 is a group of its own), by overall rank. */
export function rankWithinGroups(result: LevelResult, group: Int32Array): Int32Array {
  const order = Array.from(result.rank.keys()).sort((a, b) => result.rank[a] - result.rank[b]);
  const seen = new Map<number, number>();
  const out = new Int32Array(order.length);
  for (const i of order) {
    const n = (seen.get(group[i]) ?? 0) + 1;
    seen.set(group[i], n);
    out[i] = n;
  }
  return out;
}

/** Indices of the best `top` eligible sites in each group, in overall rank order. */
export function shortlist(result: LevelResult, group: Int32Array, top: number): number[] {
  const order = Array.from(result.rank.keys()).sort((a, b) => result.rank[a] - result.rank[b]);
  const taken = new Map<number, number>();
  const out: number[] = [];
  for (const i of order) {
    if (result.excludedBy?.[i]) continue;
    const n = taken.get(group[i]) ?? 0;
    if (n >= top) continue;
    taken.set(group[i], n + 1);
    out.push(i);
  }
  return out;
}
