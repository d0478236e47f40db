/** Units best first, and each unit's rank inside its group, from a level's distinct 1-based ranks. */
import type { LevelResult } from './types.ts';

/** Unit indices best first (rank 1 first). */
export function rankOrder(result: Pick<LevelResult, 'rank'>): number[] {
  const order = new Array<number>(result.rank.length);
  for (let i = 0; i < result.rank.length; i++) order[result.rank[i] - 1] = i;
  return order;
}

/** 1-based rank of each unit within its group (group -1 is a group of its own), by overall rank. */
export function rankWithinGroups(result: Pick<LevelResult, 'rank'>, group: Int32Array): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(result.rank.length);
  for (const i of rankOrder(result)) {
    const n = (seen.get(group[i]) ?? 0) + 1;
    seen.set(group[i], n);
    out[i] = n;
  }
  return out;
}
