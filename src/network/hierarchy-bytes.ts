/**
 * A contraction hierarchy as bytes and back, cached beside its graph (src/node/road-graph-cache.ts):
 * "SSCH", a format version, the rank order and both search sides in the framing of typed-bytes.ts.
 * Its key names the graph's key and the metric, so a rebuilt graph or another metric misses it.
 */
import type { CostRows, Hierarchy } from './contraction.ts';
import { typedFromBytes, typedToBytes } from './typed-bytes.ts';

export const HIERARCHY_FORMAT_VERSION = 1;
const FRAMING = { magic: 0x48435353 /* "SSCH" little-endian */, version: HIERARCHY_FORMAT_VERSION };

export function hierarchyToBytes(h: Hierarchy, key: string): Uint8Array {
  return typedToBytes(FRAMING, key, { shortcuts: h.shortcuts }, {
    rank: h.rank, order: h.order,
    upStart: h.up.start, upNode: h.up.node, upCost: h.up.cost,
    downStart: h.down.start, downNode: h.down.node, downCost: h.down.cost,
  });
}

/** The hierarchy, or null when the bytes are not one of this format built from `key`. */
export function hierarchyFromBytes(bytes: Uint8Array, key: string): Hierarchy | null {
  const read = typedFromBytes<{ shortcuts: number }>(FRAMING, bytes, key);
  if (!read) return null;
  const a = read.arrays;
  const rows = (side: 'up' | 'down'): CostRows => ({ start: a[`${side}Start`] as Int32Array, node: a[`${side}Node`] as Int32Array, cost: a[`${side}Cost`] as Float64Array });
  return { rank: a.rank as Int32Array, order: a.order as Int32Array, up: rows('up'), down: rows('down'), shortcuts: read.meta.shortcuts };
}
