/**
 * p-center at any size, by a search over radii with covering heuristics: the answer lies among the
 * pair costs, so bisect them for the smallest radius at which greedy cover (cover-greedy.ts) needs
 * at most p + |fixed| sites; spare sites then go, one by one, next to the farthest point. The bound
 * comes from the same search: a radius at which the cover's Lagrangian bound exceeds p + |fixed| is
 * proved too small, so the optimum is at least the next cost above it.
 */
import { UsageError } from '../errors.ts';
import { coverLowerBound } from './cover-lagrangian.ts';
import { greedyCover } from './cover-greedy.ts';
import { nearestOpenCost } from './evaluate.ts';
import type { OptimizeProblem } from './problem.ts';

export interface PCenterHeuristicResult {
  open: number[];
  /** Largest cost from a point to its nearest open site. */
  value: number;
  bound: number;
  notes: string[];
}

function distinctSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let u = 0;
  for (let t = 0; t < sorted.length; t++) if (t === 0 || sorted[t] !== sorted[u - 1]) sorted[u++] = sorted[t];
  return sorted.subarray(0, u);
}

/** Open the nearest closed site of the farthest point, until `total` are open. */
function fillSpare(problem: OptimizeProblem, open: number[], total: number): number[] {
  const { costs } = problem;
  const set = new Set(open);
  while (set.size < total) {
    const best = nearestOpenCost(costs, [...set]);
    let far = 0;
    for (let i = 1; i < costs.n; i++) if (best[i] > best[far]) far = i;
    let pick = -1;
    let pickCost = Infinity;
    for (let j = 0; j < costs.m; j++) {
      if (set.has(j)) continue;
      for (let k = costs.start[j]; k < costs.start[j + 1]; k++) if (costs.demand[k] === far && costs.cost[k] < pickCost) { pick = j; pickCost = costs.cost[k]; }
    }
    if (pick < 0) for (let j = 0; j < costs.m && pick < 0; j++) if (!set.has(j)) pick = j;
    set.add(pick);
  }
  return [...set].sort((a, b) => a - b);
}

export function pcenterHeuristic(problem: OptimizeProblem, totalOpen: number, o: { signal?: AbortSignal; timeLimit?: number; onProgress?: (stage: string, fraction: number) => void } = {}): PCenterHeuristicResult {
  const { costs } = problem;
  const fixed = problem.fixed ?? [];
  const deadline = performance.now() + 1000 * (o.timeLimit ?? 30);
  const radii = distinctSorted(costs.cost);
  // Every point needs some site: the largest nearest-site cost is a first bound.
  const nearest = nearestOpenCost(costs, Array.from({ length: costs.m }, (_, j) => j));
  let floor = 0;
  for (const d of nearest) floor = Math.max(floor, d);
  let lo = radii.indexOf(floor);
  let hi = radii.length - 1;
  let cover = greedyCover(costs, radii[hi], fixed, o.signal);
  if (cover === null || cover.length > totalOpen) throw new UsageError(`even at the largest cost ${radii[hi]} greedy cover needs more than ${totalOpen} sites; give a larger --p or more pairs`);
  const floorIndex = lo;
  let steps = 0;
  while (lo < hi) {
    o.onProgress?.('p-center radius search', steps / Math.log2(radii.length + 1));
    const mid = (lo + hi) >> 1;
    const c = greedyCover(costs, radii[mid], fixed, o.signal);
    steps++;
    if (c !== null && c.length <= totalOpen) {
      hi = mid;
      cover = c;
    } else lo = mid + 1;
  }
  const open = fillSpare(problem, cover, totalOpen);
  // Bound: bisect between the floor and the heuristic radius for a radius proved infeasible.
  let provedBelow = floorIndex - 1;
  let a = floorIndex;
  let b = hi - 1;
  let boundSteps = 0;
  while (a <= b && performance.now() < deadline) {
    o.onProgress?.('p-center bound', boundSteps / Math.log2(hi - floorIndex + 2));
    const mid = (a + b) >> 1;
    const lb = coverLowerBound(costs, { radius: radii[mid], fixed, target: totalOpen + 1, enough: totalOpen + 1, iterations: 60, signal: o.signal });
    boundSteps++;
    if (lb > totalOpen) {
      provedBelow = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  const bound = radii[provedBelow + 1] ?? floor;
  let value = 0;
  for (const d of nearestOpenCost(costs, open)) value = Math.max(value, d);
  return {
    open,
    value,
    bound: Math.max(bound, floor),
    notes: [`p-center radius search: ${steps} greedy covers, radius ${radii[hi]}; bound from ${boundSteps} Lagrangian cover bounds (${radii.length} distinct costs)`],
  };
}
