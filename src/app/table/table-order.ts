/**
 * Which rows of a level the table shows, in which order. O(n) for the default rank order (a
 * bucket by rank) so a re-rank of 100 k sites repaints within a frame; other sorts use a typed sort.
 */
import type { LevelResult } from '../engine-api.ts';

export type SortKey = 'rank' | 'name' | 'score' | 'kept';
export interface SortSpec {
  key: SortKey;
  descending: boolean;
}

/** Per parent array (shared by every re-ranking of a level): the units under each parent. */
const underCache = new WeakMap<Int32Array, Map<number, Int32Array>>();

/** Indices of the units whose parent is `parent` (all units when parent is -1). Cached: re-ranks reuse it. */
export function unitsUnder(level: LevelResult, parent: number): Int32Array {
  let byParent = underCache.get(level.parent);
  if (!byParent) {
    byParent = new Map();
    underCache.set(level.parent, byParent);
  }
  let units = byParent.get(parent);
  if (!units) {
    units = collectUnder(level, parent);
    byParent.set(parent, units);
  }
  return units;
}

function collectUnder(level: LevelResult, parent: number): Int32Array {
  const n = level.ids.length;
  if (parent < 0) return Int32Array.from({ length: n }, (_, i) => i);
  let count = 0;
  for (let i = 0; i < n; i++) if (level.parent[i] === parent) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (level.parent[i] === parent) out[k++] = i;
  return out;
}

function byRank(level: LevelResult, units: Int32Array): Int32Array {
  const n = level.ids.length;
  const slot = new Int32Array(n + 1).fill(-1);
  let unique = true;
  for (const i of units) {
    const r = level.rank[i];
    if (r < 1 || r > n || slot[r] !== -1) {
      unique = false;
      break;
    }
    slot[r] = i;
  }
  if (!unique) return units.slice().sort((a, b) => level.rank[a] - level.rank[b] || a - b);
  const out = new Int32Array(units.length);
  let k = 0;
  for (let r = 1; r <= n; r++) if (slot[r] !== -1) out[k++] = slot[r];
  return out;
}

export function orderUnits(level: LevelResult, units: Int32Array, sort: SortSpec): Int32Array {
  let order: Int32Array;
  switch (sort.key) {
    case 'rank':
    case 'score':
      // Rank is the score order (ties broken by the engine), so both sorts share the bucket.
      order = byRank(level, units);
      break;
    case 'name': {
      const collator = new Intl.Collator(undefined, { numeric: true });
      order = units.slice().sort((a, b) => collator.compare(level.names[a] ?? '', level.names[b] ?? ''));
      break;
    }
    case 'kept':
      order = units.slice().sort((a, b) => level.kept[b] - level.kept[a] || level.rank[a] - level.rank[b]);
      break;
  }
  const ascendingIsNatural = sort.key === 'rank' || sort.key === 'name';
  const flip = ascendingIsNatural ? sort.descending : !sort.descending;
  return flip ? order.reverse() : order;
}
