/**
 * Contraction hierarchies (Geisberger et al. 2008), the preprocessing behind the many-to-many
 * matrix (hierarchy-matrix.ts). Nodes are contracted one by one, least important first (edge
 * difference + contracted neighbours + depth in the hierarchy, updated lazily); contracting v
 * adds a shortcut u → w for each pair of its neighbours whose only shortest path runs through v
 * (a bounded witness search decides; a witness it misses only costs an extra shortcut, never a
 * wrong cost). Chains of degree-2 street nodes score lowest and go first, so
 * the chain contraction is the hierarchy's first phase. The result keeps, per node, the edges to
 * nodes contracted after it: searches only ever go up.
 */
import { NodeHeap } from './node-heap.ts';
import type { EdgeRows } from './road-graph.ts';

/** Edges of a search graph in compressed sparse rows (as EdgeRows, with one cost). */
export interface CostRows {
  start: Int32Array;
  node: Int32Array;
  cost: Float64Array;
}

/**
 * Nodes are numbered by rank in `up` and `down` (rank r is graph node order[r]): the searches, all
 * near the top, then read the ends of the arrays instead of all over them.
 */
export interface Hierarchy {
  /** Contraction order of each graph node: higher ranks were contracted later. */
  rank: Int32Array;
  /** The graph node of each rank. */
  order: Int32Array;
  /** r → s with s > r (forward searches), by rank. */
  up: CostRows;
  /** At r, the edges s → r with s > r, stored as r → s (backward searches), by rank. */
  down: CostRows;
  shortcuts: number;
}

/**
 * Witness searches stop after this many settled nodes: few when only estimating a priority, more
 * when contracting (bench/README.md: the build time and search spaces of the alternatives).
 */
const ESTIMATE_SETTLE_LIMIT = 20;
const CONTRACT_SETTLE_LIMIT = 300;

/** The graph still being contracted: adjacency lists that grow by shortcuts and lose contracted nodes. */
class Remaining {
  outNode: number[][];
  outCost: number[][];
  inNode: number[][];
  inCost: number[][];

  constructor(rows: EdgeRows, cost: Float64Array) {
    const n = rows.start.length - 1;
    this.outNode = Array.from({ length: n }, () => []);
    this.outCost = Array.from({ length: n }, () => []);
    this.inNode = Array.from({ length: n }, () => []);
    this.inCost = Array.from({ length: n }, () => []);
    for (let v = 0; v < n; v++) {
      for (let e = rows.start[v]; e < rows.start[v + 1]; e++) if (rows.node[e] !== v) this.add(v, rows.node[e], cost[e]);
    }
  }

  /** Adds u → w, or lowers its cost when a parallel edge is already there. */
  add(u: number, w: number, c: number): void {
    const on = this.outNode[u];
    const k = on.indexOf(w);
    if (k >= 0) {
      if (c < this.outCost[u][k]) {
        this.outCost[u][k] = c;
        this.inCost[w][this.inNode[w].indexOf(u)] = c;
      }
      return;
    }
    on.push(w);
    this.outCost[u].push(c);
    this.inNode[w].push(u);
    this.inCost[w].push(c);
  }

  /** Takes v out: its neighbours forget it. */
  remove(v: number): void {
    const drop = (nodes: number[], costs: number[]): void => {
      const k = nodes.indexOf(v);
      nodes.splice(k, 1);
      costs.splice(k, 1);
    };
    for (const w of this.outNode[v]) drop(this.inNode[w], this.inCost[w]);
    for (const u of this.inNode[v]) drop(this.outNode[u], this.outCost[u]);
  }
}

/** Bounded Dijkstra on the remaining graph, avoiding one node, for witness paths. */
class WitnessSearch {
  readonly dist: Float64Array;
  private touched: number[] = [];
  private readonly heap = new NodeHeap();
  /** Targets of the current run carry its number here; it stops once all are settled. */
  private readonly target: Int32Array;
  private runs = 0;

  constructor(n: number, private readonly g: Remaining) {
    this.dist = new Float64Array(n).fill(Infinity);
    this.target = new Int32Array(n).fill(-1);
  }

  /** Costs from `source` without `avoid`, until the targets are settled, `bound` or `limit` settled nodes. */
  run(source: number, avoid: number, targets: number[], bound: number, limit: number): void {
    const { dist, heap, g, target } = this;
    const stamp = ++this.runs;
    let left = 0;
    for (const w of targets) {
      if (target[w] !== stamp) left++;
      target[w] = stamp;
    }
    for (const v of this.touched) dist[v] = Infinity;
    this.touched = [source];
    heap.size = 0;
    dist[source] = 0;
    heap.push(0, source);
    let settled = 0;
    while (heap.size > 0 && settled < limit && left > 0) {
      const c = heap.key[0];
      const v = heap.node[0];
      heap.pop();
      if (c > dist[v]) continue;
      if (c > bound) break;
      settled++;
      if (target[v] === stamp) left--;
      const nodes = g.outNode[v];
      const costs = g.outCost[v];
      for (let k = 0; k < nodes.length; k++) {
        const w = nodes[k];
        if (w === avoid) continue;
        const nc = c + costs[k];
        if (nc < dist[w]) {
          if (dist[w] === Infinity) this.touched.push(w);
          dist[w] = nc;
          heap.push(nc, w);
        }
      }
    }
  }
}

/** Shortcuts contracting v needs (added to the graph when `apply`); their number. */
function contract(g: Remaining, witness: WitnessSearch, v: number, apply: boolean): number {
  const ins = g.inNode[v], inC = g.inCost[v];
  const outs = g.outNode[v], outC = g.outCost[v];
  let added = 0;
  for (let a = 0; a < ins.length; a++) {
    const u = ins[a];
    let bound = -1;
    for (let b = 0; b < outs.length; b++) if (outs[b] !== u) bound = Math.max(bound, inC[a] + outC[b]);
    if (bound < 0) continue;
    witness.run(u, v, outs, bound, apply ? CONTRACT_SETTLE_LIMIT : ESTIMATE_SETTLE_LIMIT);
    for (let b = 0; b < outs.length; b++) {
      const w = outs[b];
      if (w === u) continue;
      const via = inC[a] + outC[b];
      if (witness.dist[w] <= via) continue;
      added++;
      if (apply) g.add(u, w, via);
    }
  }
  return added;
}

/** Per-node edge lists as rows numbered by rank. */
function toRows(nodes: number[][], costs: number[][], rank: Int32Array, order: Int32Array): CostRows {
  const n = nodes.length;
  const start = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) start[r + 1] = start[r] + nodes[order[r]].length;
  const node = new Int32Array(start[n]);
  const cost = new Float64Array(start[n]);
  for (let r = 0; r < n; r++) {
    const v = order[r];
    for (let k = 0; k < nodes[v].length; k++) node[start[r] + k] = rank[nodes[v][k]];
    cost.set(costs[v], start[r]);
  }
  return { start, node, cost };
}

/** The hierarchy of a graph side (`rows`, normally RoadGraph.out) under one cost per edge. */
export function buildHierarchy(rows: EdgeRows, cost: Float64Array): Hierarchy {
  const n = rows.start.length - 1;
  const g = new Remaining(rows, cost);
  const witness = new WitnessSearch(n, g);
  const deleted = new Int32Array(n);
  const priority = new Float64Array(n);
  const rank = new Int32Array(n).fill(-1);
  const level = new Int32Array(n);
  const score = (v: number): number => contract(g, witness, v, false) - g.inNode[v].length - g.outNode[v].length + deleted[v] + level[v];
  const queue = new NodeHeap();
  for (let v = 0; v < n; v++) queue.push((priority[v] = score(v)), v);
  const upNode: number[][] = new Array<number[]>(n);
  const upCost: number[][] = new Array<number[]>(n);
  const downNode: number[][] = new Array<number[]>(n);
  const downCost: number[][] = new Array<number[]>(n);
  let next = 0;
  let shortcuts = 0;
  while (queue.size > 0) {
    const p = queue.key[0];
    const v = queue.node[0];
    queue.pop();
    if (rank[v] >= 0 || p !== priority[v]) continue;
    // Lazy update: a node whose priority grew since it was queued goes back in.
    const fresh = score(v);
    if (queue.size > 0 && fresh > queue.key[0]) {
      queue.push((priority[v] = fresh), v);
      continue;
    }
    shortcuts += contract(g, witness, v, true);
    rank[v] = next++;
    // What is left around v is above it: its upward edges.
    upNode[v] = g.outNode[v].slice();
    upCost[v] = g.outCost[v].slice();
    downNode[v] = g.inNode[v].slice();
    downCost[v] = g.inCost[v].slice();
    g.remove(v);
    // Neighbours' priorities rise; the lazy update at their turn picks that up (re-scoring them
    // here as well made the build twice as slow for a hierarchy no better).
    for (const w of new Set([...upNode[v], ...downNode[v]])) {
      deleted[w]++;
      level[w] = Math.max(level[w], level[v] + 1);
    }
  }
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[rank[v]] = v;
  return { rank, order, up: toRows(upNode, upCost, rank, order), down: toRows(downNode, downCost, rank, order), shortcuts };
}
