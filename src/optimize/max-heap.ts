/**
 * A binary max-heap of (key, item) pairs in typed arrays: the priority queue of lazy greedy.
 * Ties go to the smaller item so runs are reproducible.
 */
export class MaxHeap {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  private above(a: number, b: number): boolean {
    return this.keys[a] > this.keys[b] || (this.keys[a] === this.keys[b] && this.items[a] < this.items[b]);
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const it = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = it;
  }

  push(key: number, item: number): void {
    let c = this.size++;
    this.keys[c] = key;
    this.items[c] = item;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (!this.above(c, parent)) break;
      this.swap(c, parent);
      c = parent;
    }
  }

  topKey(): number {
    return this.keys[0];
  }

  topItem(): number {
    return this.items[0];
  }

  pop(): void {
    this.size--;
    if (this.size === 0) return;
    this.keys[0] = this.keys[this.size];
    this.items[0] = this.items[this.size];
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      const r = l + 1;
      let best = c;
      if (l < this.size && this.above(l, best)) best = l;
      if (r < this.size && this.above(r, best)) best = r;
      if (best === c) return;
      this.swap(c, best);
      c = best;
    }
  }
}
