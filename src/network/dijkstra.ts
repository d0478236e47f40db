/**
 * Bounded multi-source Dijkstra over one side of a RoadGraph (`out`: costs from the seeds; `in`:
 * costs to them). One Search is reused across many runs: only the nodes a run touched are reset,
 * so a thousand short searches on a large graph do not each pay for clearing it. The queue is a
 * binary heap of (cost, node) with lazy deletion (bench/README.md compares it with a bucket queue).
 */
import type { EdgeRows } from './road-graph.ts';

export class Search {
  /** Cost of every node from (or to) the seeds of the last run; Infinity when not reached. */
  readonly dist: Float64Array;
  /** The nodes the last run reached (settled or not), `touchedCount` of them. */
  touched: Int32Array;
  touchedCount = 0;
  private heapCost = new Float64Array(1024);
  private heapNode = new Int32Array(1024);
  private heapSize = 0;

  constructor(private readonly rows: EdgeRows, private readonly cost: Float64Array) {
    this.dist = new Float64Array(rows.start.length - 1).fill(Infinity);
    this.touched = new Int32Array(1024);
  }

  /**
   * Costs from the seeds (node, initial cost) to every node within `bound` (inclusive). Nodes
   * beyond stay Infinity, or hold a tentative cost above the bound — callers compare with the bound.
   */
  run(seedNodes: ArrayLike<number>, seedCosts: ArrayLike<number>, bound = Infinity): void {
    const { dist } = this;
    for (let i = 0; i < this.touchedCount; i++) dist[this.touched[i]] = Infinity;
    this.touchedCount = 0;
    this.heapSize = 0;
    for (let i = 0; i < seedNodes.length; i++) {
      const v = seedNodes[i];
      const c = seedCosts[i];
      if (c <= bound && c < dist[v]) {
        if (dist[v] === Infinity) this.touch(v);
        dist[v] = c;
        this.push(c, v);
      }
    }
    const { start, node } = this.rows;
    const cost = this.cost;
    while (this.heapSize > 0) {
      const c = this.heapCost[0];
      const v = this.heapNode[0];
      this.pop();
      if (c > dist[v]) continue;
      for (let e = start[v]; e < start[v + 1]; e++) {
        const w = node[e];
        const nc = c + cost[e];
        if (nc < dist[w] && nc <= bound) {
          if (dist[w] === Infinity) this.touch(w);
          dist[w] = nc;
          this.push(nc, w);
        }
      }
    }
  }

  private touch(v: number): void {
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = v;
  }

  private push(c: number, v: number): void {
    if (this.heapSize === this.heapCost.length) {
      const cost = new Float64Array(this.heapSize * 2);
      const node = new Int32Array(this.heapSize * 2);
      cost.set(this.heapCost);
      node.set(this.heapNode);
      this.heapCost = cost;
      this.heapNode = node;
    }
    const hc = this.heapCost;
    const hn = this.heapNode;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hc[parent] <= c) break;
      hc[i] = hc[parent];
      hn[i] = hn[parent];
      i = parent;
    }
    hc[i] = c;
    hn[i] = v;
  }

  private pop(): void {
    const hc = this.heapCost;
    const hn = this.heapNode;
    const size = --this.heapSize;
    if (size === 0) return;
    const c = hc[size];
    const v = hn[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && hc[child + 1] < hc[child]) child++;
      if (hc[child] >= c) break;
      hc[i] = hc[child];
      hn[i] = hn[child];
      i = child;
    }
    hc[i] = c;
    hn[i] = v;
  }
}
