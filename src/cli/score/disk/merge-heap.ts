/**
 * The heap of a k-way merge: run numbers ordered by each run's current item (`less`), smallest on
 * top. After the top run moves on, `advanced(true)` sifts it down, `advanced(false)` drops it.
 */
export class MergeHeap {
  private readonly heap: number[] = [];

  constructor(private readonly less: (x: number, y: number) => boolean) {}

  get size(): number {
    return this.heap.length;
  }

  get top(): number {
    return this.heap[0];
  }

  push(run: number): void {
    const h = this.heap;
    let k = h.push(run) - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.less(h[k], h[parent])) return;
      [h[k], h[parent]] = [h[parent], h[k]];
      k = parent;
    }
  }

  advanced(hasMore: boolean): void {
    const h = this.heap;
    if (!hasMore) {
      const last = h.pop() as number;
      if (h.length === 0) return;
      h[0] = last;
    }
    for (let k = 0; ;) {
      const l = 2 * k + 1, r = l + 1;
      let best = k;
      if (l < h.length && this.less(h[l], h[best])) best = l;
      if (r < h.length && this.less(h[r], h[best])) best = r;
      if (best === k) return;
      [h[k], h[best]] = [h[best], h[k]];
      k = best;
    }
  }
}
