/**
 * Costs between points over a RoadGraph: a point joins the network where it snaps (the
 * off-network leg at the profile's walking speed), enters its segment's two ends (as the
 * segment's direction allows), and is reached from them the same way. `from` searches give
 * costs from a point (trade areas reached from a site, matrices); `to` searches give costs to it
 * (customers travelling to an outlet; different only on one-way streets).
 */
import type { Points } from '../kernel/types.ts';
import { Search } from './dijkstra.ts';
import type { Metric, RoadGraph } from './road-graph.ts';
import { SegmentIndex, type SnappedPoints } from './snap.ts';

export type Direction = 'from' | 'to';

/** Default snap limit, metres: farther than this from every street a point is reported, not routed. */
export const DEFAULT_SNAP_LIMIT = 500;

export class Router {
  readonly index: SegmentIndex;
  private readonly searches = new Map<Direction, Search>();
  /** Off-network metres → cost. */
  readonly offFactor: number;
  private readonly segCost: Float64Array;

  constructor(readonly graph: RoadGraph, readonly metric: Metric, index?: SegmentIndex) {
    this.index = index ?? new SegmentIndex(graph);
    this.offFactor = metric === 'length' ? 1 : 3.6 / graph.profile.offNetworkSpeed;
    this.segCost = metric === 'length' ? graph.segments.length : graph.segments.time;
  }

  snap(points: Points, limit = DEFAULT_SNAP_LIMIT): SnappedPoints {
    return this.index.snap(points, limit);
  }

  private search(direction: Direction): Search {
    let s = this.searches.get(direction);
    if (!s) {
      const rows = direction === 'from' ? this.graph.out : this.graph.in;
      s = new Search(rows, this.metric === 'length' ? rows.length : rows.time);
      this.searches.set(direction, s);
    }
    return s;
  }

  /**
   * Runs the search from (or to) snapped point i within `bound`; returns the Search, whose costs
   * `costAt` reads. An unsnapped point reaches nothing.
   */
  reach(p: SnappedPoints, i: number, bound: number, direction: Direction): Search {
    return this.reachFrom(p, [i], bound, direction);
  }

  /** One search from (or to) all the given snapped points at once: costs to the nearest of them. */
  reachFrom(p: SnappedPoints, which: ArrayLike<number>, bound: number, direction: Direction): Search {
    const { a, b, dir } = this.graph.segments;
    const nodes: number[] = [];
    const costs: number[] = [];
    for (let k = 0; k < which.length; k++) {
      const i = which[k];
      const s = p.segment[i];
      if (s < 0) continue;
      const off = p.offset[i] * this.offFactor;
      const cost = this.segCost[s];
      // Leaving the point towards a runs against the segment (b → a) for `from`; `to` mirrors it.
      if (direction === 'from' ? dir[s] <= 0 : dir[s] >= 0) {
        nodes.push(a[s]);
        costs.push(off + p.t[i] * cost);
      }
      if (direction === 'from' ? dir[s] >= 0 : dir[s] <= 0) {
        nodes.push(b[s]);
        costs.push(off + (1 - p.t[i]) * cost);
      }
    }
    const search = this.search(direction);
    search.run(nodes, costs, bound);
    return search;
  }

  /**
   * After reach(origin …, direction): the cost between the origin and snapped point j, Infinity
   * when not reached. Points on the origin's own segment may also be reached along it directly
   * (origin null, after reachFrom many: through the segment's ends only).
   */
  costAt(search: Search, direction: Direction, origin: SnappedPoints | null, i: number, p: SnappedPoints, j: number): number {
    const s = p.segment[j];
    if (s < 0 || (origin !== null && origin.segment[i] < 0)) return Infinity;
    const { a, b, dir } = this.graph.segments;
    const cost = this.segCost[s];
    const t = p.t[j];
    // Arriving at the point from a runs along a → b for `from`; `to` mirrors it.
    const fromA = direction === 'from' ? dir[s] >= 0 : dir[s] <= 0;
    const fromB = direction === 'from' ? dir[s] <= 0 : dir[s] >= 0;
    let best = Infinity;
    if (fromA) best = search.dist[a[s]] + t * cost;
    if (fromB) best = Math.min(best, search.dist[b[s]] + (1 - t) * cost);
    best += p.offset[j] * this.offFactor;
    if (origin !== null && origin.segment[i] === s) {
      const ti = origin.t[i];
      // Along the shared segment: a → b when the target lies further from a (for `from`).
      const forward = direction === 'from' ? t >= ti : ti >= t;
      const legs = (origin.offset[i] + p.offset[j]) * this.offFactor;
      if (forward ? dir[s] >= 0 : dir[s] <= 0) best = Math.min(best, legs + Math.abs(t - ti) * cost);
      // Neighbours on one street may simply walk across (a point to itself costs nothing).
      best = Math.min(best, Math.hypot(p.x[j] - origin.x[i], p.y[j] - origin.y[i]) * this.offFactor);
    }
    return best;
  }
}
