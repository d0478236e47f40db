/**
 * The alternative queue measured by bench/network.ts (bench only): a bucket queue in the manner of
 * Dial — costs fall into buckets `width` wide, buckets are emptied in order, and a node improved
 * after leaving its bucket is queued again (label-correcting), so the result is exact even when
 * edges are shorter than a bucket. Same interface as src/network/dijkstra.ts's Search.run.
 */
import type { EdgeRows } from '../src/network/road-graph.ts';

export class BucketSearch {
  readonly dist: Float64Array;
  private touched: number[] = [];
  private buckets: number[][] = [];

  constructor(private readonly rows: EdgeRows, private readonly cost: Float64Array, private readonly width: number) {
    this.dist = new Float64Array(rows.start.length - 1).fill(Infinity);
  }

  run(seedNodes: ArrayLike<number>, seedCosts: ArrayLike<number>, bound = Infinity): void {
    const { dist, width } = this;
    for (const v of this.touched) dist[v] = Infinity;
    this.touched = [];
    this.buckets = [];
    const put = (v: number, c: number): void => {
      const k = Math.floor(c / width);
      (this.buckets[k] ??= []).push(v);
    };
    for (let i = 0; i < seedNodes.length; i++) {
      const v = seedNodes[i];
      if (seedCosts[i] <= bound && seedCosts[i] < dist[v]) {
        if (dist[v] === Infinity) this.touched.push(v);
        dist[v] = seedCosts[i];
        put(v, seedCosts[i]);
      }
    }
    const { start, node } = this.rows;
    const cost = this.cost;
    for (let k = 0; k < this.buckets.length; k++) {
      const bucket = this.buckets[k];
      if (!bucket) continue;
      // The bucket may grow while it is emptied (edges shorter than its width).
      for (let q = 0; q < bucket.length; q++) {
        const v = bucket[q];
        const c = dist[v];
        if (Math.floor(c / width) !== k) continue; // stale: v moved to an earlier bucket and was done there
        for (let e = start[v]; e < start[v + 1]; e++) {
          const w = node[e];
          const nc = c + cost[e];
          if (nc < dist[w] && nc <= bound) {
            if (dist[w] === Infinity) this.touched.push(w);
            dist[w] = nc;
            put(w, nc);
          }
        }
      }
      this.buckets[k] = [];
    }
  }
}
