/**
 * Costs between points over a RoadGraph: a point joins the network where it snaps (the
 * off-network leg at the profile's walking speed), enters its segment's two ends (as the
 * segment's direction allows), and is reached from them the same way. `from` searches give
 * costs from a point (trade areas reached from a site, matrices); `to` searches give costs to it
 * (customers travelling to an outlet; different only on one-way streets).
 */
import type { Points } from '../kernel/types.ts';
import { buildHierarchy, type Hierarchy } from './contraction.ts';
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
  private readonly scratchNodes: number[] = [];
  private readonly scratchCosts: number[] = [];
  private contracted?: Hierarchy;

  constructor(readonly graph: RoadGraph, readonly metric: Metric, index?: SegmentIndex) {
    this.index = index ?? new SegmentIndex(graph);
    this.offFactor = metric === 'length' ? 1 : 3.6 / graph.profile.offNetworkSpeed;
    this.segCost = metric === 'length' ? graph.segments.length : graph.segments.time;
  }

  /** The graph's contraction hierarchy under this metric, built on first use (seconds on a city). */
  hierarchy(): Hierarchy {
    this.contracted ??= buildHierarchy(this.graph.out, this.metric === 'length' ? this.graph.out.length : this.graph.out.time);
    return this.contracted;
  }

  /** Takes a hierarchy read from a cache (hierarchy-bytes.ts) instead of building one. */
  useHierarchy(h: Hierarchy): void {
    if (h.rank.length !== this.graph.nodeLon.length) throw new Error(`hierarchy of ${h.rank.length} nodes given for a graph of ${this.graph.nodeLon.length}`);
    this.contracted = h;
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
    const nodes: number[] = [];
    const costs: number[] = [];
    for (let k = 0; k < which.length; k++) this.departures(p, which[k], direction, nodes, costs);
    const search = this.search(direction);
    search.run(nodes, costs, bound);
    return search;
  }

  /**
   * Where snapped point i enters the network (for `from`; leaves it for `to`): the ends of its
   * segment the segment's direction allows, each with the cost of getting there. Pushed onto
   * nodes/costs; nothing for an unsnapped point.
   */
  departures(p: SnappedPoints, i: number, direction: Direction, nodes: number[], costs: number[]): void {
    const s = p.segment[i];
    if (s < 0) return;
    const { a, b, dir } = this.graph.segments;
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

  /**
   * The mirror of departures: the segment ends from which point j is reached (for `from`; which
   * it reaches, for `to`), each with the cost of the rest of the way, off-network leg included.
   */
  arrivals(p: SnappedPoints, j: number, direction: Direction, nodes: number[], costs: number[]): void {
    this.departures(p, j, direction === 'from' ? 'to' : 'from', nodes, costs);
  }

  /**
   * After reach(origin …, direction): the cost between the origin and snapped point j, Infinity
   * when not reached. Points on the origin's own segment may also be reached along it directly
   * (origin null, after reachFrom many: through the segment's ends only).
   */
  costAt(search: Search, direction: Direction, origin: SnappedPoints | null, i: number, p: SnappedPoints, j: number): number {
    if (p.segment[j] < 0 || (origin !== null && origin.segment[i] < 0)) return Infinity;
    const nodes = this.scratchNodes;
    const costs = this.scratchCosts;
    nodes.length = costs.length = 0;
    this.arrivals(p, j, direction, nodes, costs);
    let best = Infinity;
    for (let k = 0; k < nodes.length; k++) best = Math.min(best, search.dist[nodes[k]] + costs[k]);
    return origin === null ? best : Math.min(best, this.alongStreet(direction, origin, i, p, j));
  }

  /**
   * The cost between origin i and point j when both lie on one segment, without going through its
   * ends: along it (as its direction allows) or straight across. Infinity on different segments.
   */
  alongStreet(direction: Direction, origin: SnappedPoints, i: number, p: SnappedPoints, j: number): number {
    const s = p.segment[j];
    if (s < 0 || origin.segment[i] !== s) return Infinity;
    const { dir } = this.graph.segments;
    const t = p.t[j];
    const ti = origin.t[i];
    let best = Infinity;
    // Along the shared segment: a → b when the target lies further from a (for `from`).
    const forward = direction === 'from' ? t >= ti : ti >= t;
    const legs = (origin.offset[i] + p.offset[j]) * this.offFactor;
    if (forward ? dir[s] >= 0 : dir[s] <= 0) best = legs + Math.abs(t - ti) * this.segCost[s];
    // Neighbours on one street may simply walk across (a point to itself costs nothing).
    return Math.min(best, Math.hypot(p.x[j] - origin.x[i], p.y[j] - origin.y[i]) * this.offFactor);
  }
}
