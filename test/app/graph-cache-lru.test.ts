/** The page's graph cache bound (src/app/worker/graph-cache-lru.ts), worked by hand: sizes in bytes, uses in ms. */
import { describe, expect, it } from 'vitest';
import { lruEvictions, shouldKeep } from '../../src/app/worker/graph-cache-lru.ts';

const entries = [
  { slot: 'a', bytes: 40, used: 3 },
  { slot: 'b', bytes: 30, used: 1 },
  { slot: 'c', bytes: 20, used: 2 },
  { slot: 'new', bytes: 50, used: 4 },
];

describe('lruEvictions', () => {
  it('drops the least recently used until the rest fit', () => {
    // 140 bytes: dropping b (used 1) leaves 110, then c (used 2) leaves 90 ≤ 100.
    expect(lruEvictions(entries, 100, 'new')).toEqual(['b', 'c']);
    expect(lruEvictions(entries, 140, 'new')).toEqual([]);
    expect(lruEvictions(entries, 139, 'new')).toEqual(['b']);
  });

  it('never drops the graph just stored, even when the others all go', () => {
    expect(lruEvictions(entries, 50, 'new')).toEqual(['b', 'c', 'a']);
  });

  it('breaks a tie in use by slot name, so the order does not depend on the store', () => {
    expect(lruEvictions([{ slot: 'y', bytes: 10, used: 1 }, { slot: 'x', bytes: 10, used: 1 }, { slot: 'k', bytes: 10, used: 2 }], 20, 'k')).toEqual(['x']);
  });

  it('keeps nothing larger than the limit', () => {
    expect(shouldKeep(100, 100)).toBe(true);
    expect(shouldKeep(101, 100)).toBe(false);
  });
});
