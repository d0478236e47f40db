/**
 * Bounded multi-source Dijkstra over one side of a RoadGraph (`out`: costs from the seeds; `in`:
 * costs to them). One Search is reused across many runs: only the nodes a run touched are reset,
 * so a thousand short searches on a large graph do not each pay for clearing it. The queue is a
 * binary heap of (cost, node) with lazy deletion (bench/README.md compares it with a bucket queue).
 */
import { NodeHeap } from './node-heap.ts';
import type { EdgeRows } from './road-graph.ts';

export class Search {
  /** Cost of every node from (or to) the seeds of the last run; Infinity when not reached. */
  readonly dist: Float64Array;
  /** The nodes the last run reached (settled or not), `touchedCount` of them. */
  touched: Int32Array;
  touchedCount = 0;
  protected readonly heap = new NodeHeap();

  constructor(
    private readonly rows: Pick<EdgeRows, 'start' | 'node'>,
    private readonly cost: Float64Array,
  ) {
    this.dist = new Float64Array(rows.start.length - 1).fill(Infinity);
    this.touched = new Int32Array(1024);
  }

  /**
   * Costs from the seeds (node, initial cost) to every node within `bound` (inclusive). Nodes
   * beyond stay Infinity, or hold a tentative cost above the bound — callers compare with the bound.
   */
  run(seedNodes: ArrayLike<number>, seedCosts: ArrayLike<number>, bound = Infinity): void {
    this.seed(seedNodes, seedCosts, bound);
    const { dist, heap } = this;
    while (heap.size > 0) {
      const c = heap.key[0];
      const v = heap.node[0];
      heap.pop();
      if (c > dist[v]) continue;
      this.expand(v, c, bound);
    }
  }

  /** Forgets the last run and queues the seeds. */
  protected seed(seedNodes: ArrayLike<number>, seedCosts: ArrayLike<number>, bound: number): void {
    const { dist, heap } = this;
    for (let i = 0; i < this.touchedCount; i++) dist[this.touched[i]] = Infinity;
    this.touchedCount = 0;
    heap.size = 0;
    for (let i = 0; i < seedNodes.length; i++) {
      const v = seedNodes[i];
      const c = seedCosts[i];
      if (c <= bound && c < dist[v]) {
        if (dist[v] === Infinity) this.touch(v);
        dist[v] = c;
        heap.push(c, v);
      }
    }
  }

  /** Settles v at cost c: its edges lower their ends' costs within `bound`. */
  protected expand(v: number, c: number, bound: number): void {
    const { start, node } = this.rows;
    const { cost, dist, heap } = this;
    for (let e = start[v]; e < start[v + 1]; e++) {
      const w = node[e];
      const nc = c + cost[e];
      if (nc < dist[w] && nc <= bound) {
        if (dist[w] === Infinity) this.touch(w);
        dist[w] = nc;
        heap.push(nc, w);
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
}
