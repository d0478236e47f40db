/**
 * The priority queue of every search over a RoadGraph or its hierarchy: a binary min-heap of
 * (key, node) in typed arrays, with lazy deletion (stale entries are skipped by the caller).
 */
export class NodeHeap {
  key = new Float64Array(256);
  node = new Int32Array(256);
  size = 0;

  push(k: number, v: number): void {
    if (this.size === this.key.length) {
      const key = new Float64Array(this.size * 2);
      const node = new Int32Array(this.size * 2);
      key.set(this.key);
      node.set(this.node);
      this.key = key;
      this.node = node;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.key[p] <= k) break;
      this.key[i] = this.key[p];
      this.node[i] = this.node[p];
      i = p;
    }
    this.key[i] = k;
    this.node[i] = v;
  }

  /** Removes the top (read key[0], node[0] first). */
  pop(): void {
    const size = --this.size;
    if (size === 0) return;
    const k = this.key[size];
    const v = this.node[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.key[c + 1] < this.key[c]) c++;
      if (this.key[c] >= k) break;
      this.key[i] = this.key[c];
      this.node[i] = this.node[c];
      i = c;
    }
    this.key[i] = k;
    this.node[i] = v;
  }
}
