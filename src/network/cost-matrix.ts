/**
 * Many-to-many network costs, bounded: one search per origin out to `max`, then only the targets
 * on streets that search reached are looked at (targets are listed by the nodes of their
 * segment). The result is sparse — pairs within the bound — which is what keeps a 1 000 × 10 000
 * matrix and the optimisation models' radius-bounded problems small.
 */
import type { Points } from '../kernel/types.ts';
import type { Hierarchy } from './contraction.ts';
import { eachHierarchyRow } from './hierarchy-matrix.ts';
import type { Direction, Router } from './router.ts';
import type { SnappedPoints } from './snap.ts';

export interface SparseCosts {
  /** Pair k joins origin from[k] and target to[k] at cost value[k] (≤ max), ordered by origin, then target. */
  from: Int32Array;
  to: Int32Array;
  value: Float64Array;
  /** Origins and targets that did not snap within the limit (their pairs are absent). */
  unsnappedFrom: number[];
  unsnappedTo: number[];
}

export interface MatrixOptions {
  max?: number;
  snapLimit?: number;
  direction?: Direction;
  signal?: AbortSignal;
  /** Called every few hundred origins with the number done. */
  progress?: (done: number, total: number) => void;
  /**
   * The router's contraction hierarchy (Router.hierarchy()): many-to-many by RPHAST sweeps instead of
   * one plain search per origin; the same costs (bench/README.md says when it pays).
   */
  hierarchy?: Hierarchy;
}

/** Targets grouped by the nodes at both ends of the segment they snapped to. */
function targetsByNode(router: Router, targets: SnappedPoints): { start: Int32Array; target: Int32Array } {
  const n = router.graph.nodeLon.length;
  const { a, b } = router.graph.segments;
  const start = new Int32Array(n + 1);
  const count = targets.segment.length;
  for (let j = 0; j < count; j++) {
    const s = targets.segment[j];
    if (s < 0) continue;
    start[a[s] + 1]++;
    start[b[s] + 1]++;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const target = new Int32Array(start[n]);
  for (let j = 0; j < count; j++) {
    const s = targets.segment[j];
    if (s < 0) continue;
    target[fill[a[s]]++] = j;
    target[fill[b[s]]++] = j;
  }
  return { start, target };
}

/** The reached entries of a row of costs within `max` (an unreached one is Infinity, which an unbounded `max` would let through). */
function eachWithin(row: Float64Array, max: number, visit: (j: number, cost: number) => void): void {
  for (let j = 0; j < row.length; j++) if (row[j] <= max && row[j] !== Infinity) visit(j, row[j]);
}

class Growable {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  value = new Float64Array(1024);
  size = 0;

  push(i: number, j: number, v: number): void {
    if (this.size === this.from.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, make: (n: number) => T): T => {
        const y = make(x.length * 2);
        y.set(x);
        return y;
      };
      this.from = grow(this.from, (n) => new Int32Array(n));
      this.to = grow(this.to, (n) => new Int32Array(n));
      this.value = grow(this.value, (n) => new Float64Array(n));
    }
    this.from[this.size] = i;
    this.to[this.size] = j;
    this.value[this.size++] = v;
  }

  costs(o: SnappedPoints, t: SnappedPoints): SparseCosts {
    return { from: this.from.slice(0, this.size), to: this.to.slice(0, this.size), value: this.value.slice(0, this.size), unsnappedFrom: o.unsnapped, unsnappedTo: t.unsnapped };
  }

  /** Origin i's reached targets within `max`, in target order (`row`: a cost per target, Infinity when not reached). */
  pushRow(i: number, row: Float64Array, max: number): void {
    // The loop of eachWithin without a call per entry: this is the matrix's hot path.
    for (let j = 0; j < row.length; j++) if (row[j] <= max && row[j] !== Infinity) this.push(i, j, row[j]);
  }

  /** Orders the pairs from `start` on by target, so output does not depend on search order. */
  sortFrom(start: number): void {
    let sorted = true;
    for (let k = start + 1; k < this.size && sorted; k++) sorted = this.to[k - 1] <= this.to[k];
    if (sorted) return;
    const to = this.to.slice(start, this.size);
    const value = this.value.slice(start, this.size);
    const order = Int32Array.from(to.keys()).sort((x, y) => to[x] - to[y]);
    for (let k = 0; k < order.length; k++) {
      this.to[start + k] = to[order[k]];
      this.value[start + k] = value[order[k]];
    }
  }
}

/**
 * Calls `visit(i, j, cost)` for each origin i and each target j within `max` of it (by target
 * within one origin). Origins and targets are already snapped (see Router.snap).
 */
export function eachCost(router: Router, o: SnappedPoints, t: SnappedPoints, opts: MatrixOptions, visit: (i: number, j: number, cost: number) => void): void {
  const max = opts.max ?? Infinity;
  if (opts.hierarchy) {
    return eachHierarchyRow(router, opts.hierarchy, o, t, opts, (i, row) => eachWithin(row, max, (j, c) => visit(i, j, c)));
  }
  const direction = opts.direction ?? 'from';
  const byNode = targetsByNode(router, t);
  const seen = new Int32Array(t.segment.length).fill(-1);
  const { a, b } = router.graph.segments;
  const originCount = o.segment.length;
  for (let i = 0; i < originCount; i++) {
    if (o.segment[i] < 0) continue;
    if (opts.signal?.aborted) throw opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted');
    if (opts.progress && i % 256 === 0) opts.progress(i, originCount);
    const search = router.reach(o, i, max, direction);
    const consider = (v: number): void => {
      for (let k = byNode.start[v]; k < byNode.start[v + 1]; k++) {
        const j = byNode.target[k];
        if (seen[j] === i) continue;
        seen[j] = i;
        const c = router.costAt(search, direction, o, i, t, j);
        // A target beside a reached node may still be unreachable (a one-way street away from it).
        if (c <= max && c < Infinity) visit(i, j, c);
      }
    };
    for (let k = 0; k < search.touchedCount; k++) consider(search.touched[k]);
    // Targets on the origin's own street, even when the bound stops short of its ends.
    consider(a[o.segment[i]]);
    consider(b[o.segment[i]]);
  }
  opts.progress?.(originCount, originCount);
}

/** Costs from each origin to each target within `max` (metres or seconds, the router's metric). */
export function costMatrix(router: Router, origins: Points, targets: Points, opts: MatrixOptions = {}): SparseCosts {
  const o = router.snap(origins, opts.snapLimit);
  const t = router.snap(targets, opts.snapLimit);
  const out = new Growable();
  if (opts.hierarchy) {
    // Rows come by origin and by target already: appended as they are, without a call per pair.
    const max = opts.max ?? Infinity;
    eachHierarchyRow(router, opts.hierarchy, o, t, opts, (i, row) => out.pushRow(i, row, max));
    return out.costs(o, t);
  }
  let current = -1;
  let first = 0;
  eachCost(router, o, t, opts, (i, j, c) => {
    if (i !== current) {
      out.sortFrom(first);
      current = i;
      first = out.size;
    }
    out.push(i, j, c);
  });
  out.sortFrom(first);
  return out.costs(o, t);
}
