/**
 * Which street graphs leave the page's cache (graph-cache.ts) so the rest fit its byte limit:
 * least recently used first, never the one just stored. A graph larger than the limit alone is
 * not kept at all (shouldKeep).
 */

export interface CacheEntry {
  slot: string;
  bytes: number;
  /** When it was last stored or read (ms since 1970). */
  used: number;
}

/** Default bound of the cache: a few city graphs of both profiles (Porto Alegre's walk graph is ~5 MB). */
export const DEFAULT_CACHE_LIMIT = 256 * 2 ** 20;

export function shouldKeep(bytes: number, limit: number): boolean {
  return bytes <= limit;
}

/** Slots to drop, oldest use first (then by slot, for a stable order), until the rest fit in `limit` bytes. */
export function lruEvictions(entries: CacheEntry[], limit: number, keep: string): string[] {
  let total = entries.reduce((s, e) => s + e.bytes, 0);
  const oldestFirst = entries.filter((e) => e.slot !== keep).sort((a, b) => a.used - b.used || (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
  const dropped: string[] = [];
  for (const e of oldestFirst) {
    if (total <= limit) break;
    dropped.push(e.slot);
    total -= e.bytes;
  }
  return dropped;
}
