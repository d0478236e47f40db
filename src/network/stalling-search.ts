/**
 * The upward searches of a contraction hierarchy (hierarchy-matrix.ts), with stall-on-demand: a
 * node that some already-reached higher node w reaches more cheaply (over the opposite side's
 * edge w → v) is stalled and left unexpanded — no shortest path climbs through it. A subclass
 * rather than a branch in Search: an optional stall branch in the one loop deoptimised its
 * compiled code on every call when the other kind had run first (61 times in one 100 × 1 000
 * matrix); overridden methods are an ordinary polymorphic call.
 */
import { Search } from './dijkstra.ts';
import type { CostRows } from './contraction.ts';

export class StallingSearch extends Search {
  /** The nodes of the last run reached shorter from above, left unexpanded (1). */
  readonly stalled: Uint8Array;

  /** `stall`: at v, the higher nodes w with an edge w → v in the search's direction. */
  constructor(rows: CostRows, private readonly stall: CostRows) {
    super(rows, rows.cost);
    this.stalled = new Uint8Array(rows.start.length - 1);
  }

  protected override seed(seedNodes: ArrayLike<number>, seedCosts: ArrayLike<number>, bound: number): void {
    for (let i = 0; i < this.touchedCount; i++) this.stalled[this.touched[i]] = 0;
    super.seed(seedNodes, seedCosts, bound);
  }

  protected override expand(v: number, c: number, bound: number): void {
    if (!this.isStalled(v, c)) super.expand(v, c, bound);
  }

  private isStalled(v: number, c: number): boolean {
    const { start, node, cost } = this.stall;
    for (let e = start[v]; e < start[v + 1]; e++) {
      if (this.dist[node[e]] + cost[e] < c) {
        this.stalled[v] = 1;
        return true;
      }
    }
    return false;
  }
}
