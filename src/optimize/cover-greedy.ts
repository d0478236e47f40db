/**
 * Greedy set cover (Chvátal 1979) at one radius: start from the fixed sites, add the site that
 * reaches the most still-uncovered demand points until every point is within `radius` of an open
 * site, then drop any chosen site whose points are all covered twice (redundancy removal). The
 * covering heuristic of LSCP and of the p-center radius search. Null when some point is out of reach.
 */
import { MaxHeap } from './max-heap.ts';
import type { FacilityCosts } from './problem.ts';

export function greedyCover(costs: FacilityCosts, radius: number, fixed: readonly number[], signal?: AbortSignal): number[] | null {
  const { n, m, start, demand, cost } = costs;
  const times = new Int32Array(n);
  const open = new Uint8Array(m);
  let uncovered = n;
  const add = (j: number) => {
    open[j] = 1;
    for (let k = start[j]; k < start[j + 1]; k++) {
      if (cost[k] > radius) continue;
      if (times[demand[k]]++ === 0) uncovered--;
    }
  };
  const gain = (j: number) => {
    let g = 0;
    for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= radius && times[demand[k]] === 0) g++;
    return g;
  };
  for (const j of fixed) add(j);
  const heap = new MaxHeap(m);
  for (let j = 0; j < m; j++) if (!open[j]) heap.push(gain(j), j);
  const chosen: number[] = [];
  while (uncovered > 0 && heap.size > 0) {
    signal?.throwIfAborted();
    const j = heap.topItem();
    heap.pop();
    const g = gain(j);
    if (g === 0) continue;
    if (heap.size > 0 && g < heap.topKey()) {
      heap.push(g, j);
      continue;
    }
    add(j);
    chosen.push(j);
  }
  if (uncovered > 0) return null;
  // Latest picks first: they tend to cover the least on their own.
  for (let t = chosen.length - 1; t >= 0; t--) {
    const j = chosen[t];
    let needed = false;
    for (let k = start[j]; k < start[j + 1] && !needed; k++) if (cost[k] <= radius && times[demand[k]] === 1) needed = true;
    if (needed) continue;
    open[j] = 0;
    for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= radius) times[demand[k]]--;
    chosen.splice(t, 1);
  }
  return [...fixed, ...chosen].sort((a, b) => a - b);
}
