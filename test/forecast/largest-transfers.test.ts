/** A site's top transfers from its per-outlet sums: order, ties, the cut at `top`, and the sums cleared. */
import { describe, expect, it } from 'vitest';
import { largestTransfers } from '../../src/forecast/largest-transfers.ts';

describe('largestTransfers', () => {
  it('keeps the top 3 of 6 non-zero sums ×10, largest first, a tie to the lower outlet, and clears the sums', () => {
    const loss = Float64Array.of(0, 2, 5, 1, 5, 3, 0.5);
    expect(largestTransfers(loss, 10, 3)).toEqual([{ outlet: 2, amount: 50 }, { outlet: 4, amount: 50 }, { outlet: 5, amount: 30 }]);
    expect(Array.from(loss)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives fewer than top when fewer outlets lose anything', () => {
    expect(largestTransfers(Float64Array.of(0, 0.25, 0), 4, 5)).toEqual([{ outlet: 1, amount: 1 }]);
  });

  it('a larger sum met after the list is full displaces the smallest, wherever it ranks', () => {
    expect(largestTransfers(Float64Array.of(1, 2, 3, 9, 2.5), 1, 3)).toEqual([{ outlet: 3, amount: 9 }, { outlet: 2, amount: 3 }, { outlet: 4, amount: 2.5 }]);
  });
});
