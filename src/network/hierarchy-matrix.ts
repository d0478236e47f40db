/**
 * Many-to-many costs on a contraction hierarchy by restricted PHAST (RPHAST, Delling, Goldberg &
 * Werneck 2011): the targets' closure — every node from which a target is reached going down
 * the hierarchy — is collected once and numbered from the top; then per origin one upward search
 * (a few hundred nodes) seeds the closure's labels and one pass over it, top to bottom, pulls
 * each node's cost from the higher nodes above it. The pass has no queue and reads the closure in
 * order, and it serves a batch of origins at once (labels interleaved by origin), so each edge is
 * read once per batch. Every shortest path climbs to a highest node and comes down, so the pass
 * gives the shortest costs; stalled nodes of the upward search only start too high and are
 * lowered by it. Origins and targets enter and leave at their segment ends (Router.departures /
 * arrivals), and a target on the origin's own street is also reached along it, exactly as
 * cost-matrix.ts's plain searches do. bench/README.md compares it with bucket queries.
 */
import type { CostRows, Hierarchy } from './contraction.ts';
import { StallingSearch } from './stalling-search.ts';
import type { Direction, Router } from './router.ts';
import type { SnappedPoints } from './snap.ts';

export interface HierarchyMatrixOptions {
  max?: number;
  direction?: Direction;
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
}

/** Origins whose labels share one pass over the closure (interleaved, so a node's labels sit together). */
const BATCH = 16;

/** Target indices grouped by the segment they snapped to, in compressed rows. */
function bySegment(segment: Int32Array, segmentCount: number): { start: Int32Array; item: Int32Array } {
  const start = new Int32Array(segmentCount + 1);
  for (let k = 0; k < segment.length; k++) if (segment[k] >= 0) start[segment[k] + 1]++;
  for (let s = 0; s < segmentCount; s++) start[s + 1] += start[s];
  const fill = start.slice(0, segmentCount);
  const item = new Int32Array(start[segmentCount]);
  for (let k = 0; k < segment.length; k++) if (segment[k] >= 0) item[fill[segment[k]]++] = k;
  return { start, item };
}

/**
 * The targets' side: the closure of their ends over `side` (at rank r, the higher nodes from which
 * r is reached in one step), numbered from the top, with its edges as rows by that number (every
 * edge points at a smaller number: a node already passed); and where each target is reached
 * from, up to two (closure node, remaining cost) pairs (node -1: none).
 */
interface TargetClosure {
  count: number;
  start: Int32Array;
  node: Int32Array;
  cost: Float64Array;
  /** Closure number of each rank, or -1. */
  local: Int32Array;
  ends: Int32Array;
  endCost: Float64Array;
}

function targetClosure(router: Router, rank: Int32Array, side: CostRows, t: SnappedPoints, direction: Direction): TargetClosure {
  const targetCount = t.segment.length;
  const ends = new Int32Array(2 * targetCount).fill(-1);
  const endCost = new Float64Array(2 * targetCount);
  const nodes: number[] = [];
  const costs: number[] = [];
  for (let j = 0; j < targetCount; j++) {
    nodes.length = costs.length = 0;
    router.arrivals(t, j, direction, nodes, costs);
    for (let k = 0; k < nodes.length; k++) {
      ends[2 * j + k] = rank[nodes[k]];
      endCost[2 * j + k] = costs[k];
    }
  }
  const n = side.start.length - 1;
  const local = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let top = 0;
  for (const r of ends) {
    if (r < 0 || local[r] !== -1) continue;
    local[r] = 0;
    stack[top++] = r;
  }
  while (top > 0) {
    const r = stack[--top];
    for (let e = side.start[r]; e < side.start[r + 1]; e++) {
      const u = side.node[e];
      if (local[u] === -1) {
        local[u] = 0;
        stack[top++] = u;
      }
    }
  }
  let count = 0;
  let edges = 0;
  for (let r = n - 1; r >= 0; r--) {
    if (local[r] === -1) continue;
    local[r] = count++;
    edges += side.start[r + 1] - side.start[r];
  }
  const start = new Int32Array(count + 1);
  const node = new Int32Array(edges);
  const cost = new Float64Array(edges);
  let e2 = 0;
  for (let r = n - 1; r >= 0; r--) {
    const w = local[r];
    if (w === -1) continue;
    for (let e = side.start[r]; e < side.start[r + 1]; e++) {
      node[e2] = local[side.node[e]];
      cost[e2++] = side.cost[e];
    }
    start[w + 1] = e2;
  }
  for (let k = 0; k < ends.length; k++) if (ends[k] >= 0) ends[k] = local[ends[k]];
  return { count, start, node, cost, local, ends, endCost };
}

/** Column b of the labels: the closure nodes the origin's upward search reached, at its costs. */
function seed(search: StallingSearch, local: Int32Array, label: Float64Array, b: number): void {
  const { touched, dist } = search;
  for (let k = 0; k < search.touchedCount; k++) {
    const w = local[touched[k]];
    if (w >= 0) label[w * BATCH + b] = dist[touched[k]];
  }
}

/** Top to bottom: each closure node's labels (`size` origins of a batch) from the higher nodes above it, already final. */
function sweep(c: TargetClosure, label: Float64Array, size: number): void {
  const { start, node, cost } = c;
  for (let w = 0; w < c.count; w++) {
    const at = w * BATCH;
    for (let e = start[w], end = start[w + 1]; e < end; e++) {
      const from = node[e] * BATCH;
      const ec = cost[e];
      for (let b = 0; b < size; b++) {
        const via = label[from + b] + ec;
        if (via < label[at + b]) label[at + b] = via;
      }
    }
  }
}

/** Origin b's cost to every target through the network into `row` (Infinity: not reached). */
function readRow(c: TargetClosure, label: Float64Array, b: number, row: Float64Array): void {
  const { ends, endCost } = c;
  for (let j = 0; j < row.length; j++) {
    const e0 = ends[2 * j], e1 = ends[2 * j + 1];
    const via0 = e0 >= 0 ? label[e0 * BATCH + b] + endCost[2 * j] : Infinity;
    const via1 = e1 >= 0 ? label[e1 * BATCH + b] + endCost[2 * j + 1] : Infinity;
    row[j] = via0 < via1 ? via0 : via1;
  }
}

/**
 * Calls `row(i, costs)` for each snapped origin i in order with its cost to every target (Infinity:
 * not reached; may exceed `max`), the same costs as cost-matrix.ts's plain searches give (up to
 * rounding). `costs` is reused: read it before returning.
 */
export function eachHierarchyRow(
  router: Router,
  hierarchy: Hierarchy,
  o: SnappedPoints,
  t: SnappedPoints,
  opts: HierarchyMatrixOptions,
  onRow: (i: number, costs: Float64Array) => void,
): void {
  const max = opts.max ?? Infinity;
  const direction = opts.direction ?? 'from';
  // `from`: up from the origin, down to the target; `to` the other way round.
  const [originSide, targetSide] = direction === 'from' ? [hierarchy.up, hierarchy.down] : [hierarchy.down, hierarchy.up];
  const originSearch = new StallingSearch(originSide, targetSide);
  const { rank } = hierarchy;
  const c = targetClosure(router, rank, targetSide, t, direction);
  const onSegment = bySegment(t.segment, router.graph.segments.a.length);
  const row = new Float64Array(t.segment.length);
  const label = new Float64Array(c.count * BATCH);
  const batch = new Int32Array(BATCH);
  const nodes: number[] = [];
  const costs: number[] = [];
  const originCount = o.segment.length;
  for (let first = 0; first < originCount; first += BATCH) {
    if (opts.signal?.aborted) throw opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted');
    if (opts.progress && first % 256 === 0) opts.progress(first, originCount);
    // The batch's snapped origins, each seeding its column of labels from its upward search.
    let size = 0;
    for (let i = first; i < Math.min(first + BATCH, originCount); i++) if (o.segment[i] >= 0) batch[size++] = i;
    if (size === 0) continue;
    label.fill(Infinity);
    for (let b = 0; b < size; b++) {
      nodes.length = costs.length = 0;
      router.departures(o, batch[b], direction, nodes, costs);
      for (let k = 0; k < nodes.length; k++) nodes[k] = rank[nodes[k]];
      originSearch.run(nodes, costs, max);
      seed(originSearch, c.local, label, b);
    }
    sweep(c, label, size);
    for (let b = 0; b < size; b++) {
      const i = batch[b];
      readRow(c, label, b, row);
      const s = o.segment[i];
      for (let k = onSegment.start[s]; k < onSegment.start[s + 1]; k++) {
        const j = onSegment.item[k];
        row[j] = Math.min(row[j], router.alongStreet(direction, o, i, t, j));
      }
      onRow(i, row);
    }
  }
  opts.progress?.(originCount, originCount);
}
