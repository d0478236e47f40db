/**
 * Many-to-many costs on a contraction hierarchy by buckets (Knopp et al. 2007, the scheme of
 * OSRM's table service and RoutingKit's many-to-many): one upward search per target, whose
 * settled nodes each keep (target, cost) in a bucket; then one upward search per origin, which
 * reads the buckets of the nodes it settles. Every shortest path climbs to a highest node and
 * comes down, so the best meeting is the shortest cost; the searches are a few hundred nodes
 * each instead of the whole city. Origins and targets enter and leave at their segment ends
 * (Router.departures / arrivals), and a target on the origin's own street is also reached along
 * it, exactly as cost-matrix.ts's plain searches do.
 */
import type { Hierarchy } from './contraction.ts';
import { Search } from './dijkstra.ts';
import type { Direction, Router } from './router.ts';
import type { SnappedPoints } from './snap.ts';

export interface HierarchyMatrixOptions {
  max?: number;
  direction?: Direction;
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
}

/** Target indices grouped by an integer key (node or segment) in compressed rows. */
function groupBy(keys: Int32Array, keyCount: number): { start: Int32Array; item: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < keys.length; k++) if (keys[k] >= 0) start[keys[k] + 1]++;
  for (let v = 0; v < keyCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, keyCount);
  const item = new Int32Array(start[keyCount]);
  for (let k = 0; k < keys.length; k++) if (keys[k] >= 0) item[fill[keys[k]]++] = k;
  return { start, item };
}

/** Each target's upward search, kept as buckets: at rank r, entries start[r] … start[r+1]-1. */
function targetBuckets(router: Router, rank: Int32Array, search: Search, t: SnappedPoints, direction: Direction, max: number) {
  let node = new Int32Array(1 << 16);
  let target = new Int32Array(1 << 16);
  let cost = new Float64Array(1 << 16);
  let size = 0;
  const nodes: number[] = [];
  const costs: number[] = [];
  for (let j = 0; j < t.segment.length; j++) {
    nodes.length = costs.length = 0;
    router.arrivals(t, j, direction, nodes, costs);
    if (nodes.length === 0) continue;
    for (let k = 0; k < nodes.length; k++) nodes[k] = rank[nodes[k]];
    search.run(nodes, costs, max);
    if (size + search.touchedCount > node.length) {
      const grown = Math.max(node.length * 2, size + search.touchedCount);
      const n2 = new Int32Array(grown), t2 = new Int32Array(grown), c2 = new Float64Array(grown);
      n2.set(node);
      t2.set(target);
      c2.set(cost);
      node = n2;
      target = t2;
      cost = c2;
    }
    for (let k = 0; k < search.touchedCount; k++) {
      const v = search.touched[k];
      if (search.stalled[v]) continue;
      node[size] = v;
      target[size] = j;
      cost[size++] = search.dist[v];
    }
  }
  const byNode = groupBy(node.subarray(0, size), search.dist.length);
  return {
    start: byNode.start,
    target: Int32Array.from(byNode.item, (e) => target[e]),
    cost: Float64Array.from(byNode.item, (e) => cost[e]),
  };
}

/**
 * Calls `visit(i, j, cost)` for each origin i and each target j within `max` of it, by target
 * within one origin: the same pairs and costs as cost-matrix.ts's eachCost (up to rounding).
 */
export function eachHierarchyCost(
  router: Router,
  hierarchy: Hierarchy,
  o: SnappedPoints,
  t: SnappedPoints,
  opts: HierarchyMatrixOptions,
  visit: (i: number, j: number, cost: number) => void,
): void {
  const max = opts.max ?? Infinity;
  const direction = opts.direction ?? 'from';
  // `from`: up from the origin, down to the target; `to` the other way round.
  const [originSide, targetSide] = direction === 'from' ? [hierarchy.up, hierarchy.down] : [hierarchy.down, hierarchy.up];
  const originSearch = new Search(originSide, originSide.cost, targetSide);
  const targetSearch = new Search(targetSide, targetSide.cost, originSide);
  const { rank } = hierarchy;
  const buckets = targetBuckets(router, rank, targetSearch, t, direction, max);
  const onSegment = groupBy(t.segment, router.graph.segments.a.length);
  const best = new Float64Array(t.segment.length).fill(Infinity);
  const reached: number[] = [];
  const nodes: number[] = [];
  const costs: number[] = [];
  const originCount = o.segment.length;
  for (let i = 0; i < originCount; i++) {
    if (o.segment[i] < 0) continue;
    if (opts.signal?.aborted) throw opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted');
    if (opts.progress && i % 256 === 0) opts.progress(i, originCount);
    nodes.length = costs.length = 0;
    router.departures(o, i, direction, nodes, costs);
    for (let k = 0; k < nodes.length; k++) nodes[k] = rank[nodes[k]];
    originSearch.run(nodes, costs, max);
    for (let k = 0; k < originSearch.touchedCount; k++) {
      const v = originSearch.touched[k];
      if (originSearch.stalled[v]) continue;
      const d = originSearch.dist[v];
      for (let e = buckets.start[v]; e < buckets.start[v + 1]; e++) {
        const j = buckets.target[e];
        const c = d + buckets.cost[e];
        if (c < best[j]) {
          if (best[j] === Infinity) reached.push(j);
          best[j] = c;
        }
      }
    }
    const s = o.segment[i];
    for (let k = onSegment.start[s]; k < onSegment.start[s + 1]; k++) {
      const j = onSegment.item[k];
      const c = router.alongStreet(direction, o, i, t, j);
      if (c < best[j]) {
        if (best[j] === Infinity) reached.push(j);
        best[j] = c;
      }
    }
    reached.sort((x, y) => x - y);
    for (const j of reached) {
      if (best[j] <= max) visit(i, j, best[j]);
      best[j] = Infinity;
    }
    reached.length = 0;
  }
  opts.progress?.(originCount, originCount);
}
