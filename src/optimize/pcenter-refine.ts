/**
 * Closes the p-center heuristic's gap where the own network leaves little to cover: at a radius r,
 * the demand points already within r of a fixed site need nothing, so "can p new sites cover the
 * rest within r?" is a set-cover MILP over the residual points only — on the sample city a few
 * hundred points instead of 5 861, a few thousand pairs instead of 12.6 M. Bisecting the radii
 * between the heuristic's bound and its answer with these exact tests moves both ends: a feasible
 * cover is a better answer, an infeasible one proves a higher bound. It stops (keeping what it
 * proved) at a residual too large for the MILP or a step HiGHS does not finish.
 */
import { EXACT_LIMITS } from './limits.ts';
import { minCover } from './pcenter-search.ts';
import type { FacilityCosts, OptimizeOptions, OptimizeProblem } from './problem.ts';

/** The points beyond r of every fixed site, and the free sites' pairs to them within r; null if too many pairs. */
function residual(problem: OptimizeProblem, r: number): { costs: FacilityCosts; sites: number[] } | null {
  const { costs } = problem;
  const fixed = new Set(problem.fixed ?? []);
  const covered = new Uint8Array(costs.n);
  for (const j of fixed) for (let k = costs.start[j]; k < costs.start[j + 1]; k++) if (costs.cost[k] <= r) covered[costs.demand[k]] = 1;
  const index = new Int32Array(costs.n).fill(-1);
  const demandIds: string[] = [];
  for (let i = 0; i < costs.n; i++) if (!covered[i]) index[i] = demandIds.push(costs.demandIds[i]) - 1;
  const sites: number[] = [];
  const start = [0];
  const demand: number[] = [];
  const cost: number[] = [];
  for (let j = 0; j < costs.m; j++) {
    if (fixed.has(j)) continue;
    const before = demand.length;
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
      if (costs.cost[k] > r || covered[costs.demand[k]]) continue;
      demand.push(index[costs.demand[k]]);
      cost.push(costs.cost[k]);
    }
    if (demand.length === before) continue;
    if (demand.length > EXACT_LIMITS.coveragePairs) return null;
    sites.push(j);
    start.push(demand.length);
  }
  const n = demandIds.length;
  return {
    costs: { n, m: sites.length, start: Int32Array.from(start), demand: Int32Array.from(demand), cost: Float64Array.from(cost), weights: new Float64Array(n).fill(1), demandIds, facilityIds: sites.map((j) => costs.facilityIds[j]) },
    sites,
  };
}

export interface RefinedPCenter {
  open: number[];
  value: number;
  bound: number;
  steps: number;
  /** Why it stopped before the ends met, if it did. */
  stopped?: string;
}

/** New sites (beyond the fixed ones) that cover every point within r, or null when p cannot (proved). */
async function coverWith(problem: OptimizeProblem, r: number, p: number, opts: OptimizeOptions): Promise<number[] | null | 'too large'> {
  const res = residual(problem, r);
  if (res === null) return 'too large';
  if (res.costs.n === 0) return [];
  const reached = new Uint8Array(res.costs.n);
  for (const i of res.costs.demand) reached[i] = 1;
  if (!reached.every((x) => x === 1)) return null;
  const chosen = await minCover({ model: 'lscp', costs: res.costs, fixed: [] }, r, opts);
  if (chosen === null || chosen.length > p) return null;
  return chosen.map((t) => res.sites[t]);
}

export async function refinePCenter(problem: OptimizeProblem, totalOpen: number, start: { open: number[]; value: number; bound: number }, opts: OptimizeOptions): Promise<RefinedPCenter> {
  const fixed = problem.fixed ?? [];
  const p = totalOpen - fixed.length;
  const radii = Float64Array.from(new Set(problem.costs.cost.filter((d) => d >= start.bound && d < start.value))).sort();
  let { open, value, bound } = start;
  let lo = 0;
  let hi = radii.length; // radii[hi] (or the answer, at hi = length) is feasible
  let steps = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    opts.onProgress?.({ stage: 'p-center exact residual covers', fraction: steps / Math.log2(radii.length + 1) });
    let found: number[] | null | 'too large';
    try {
      found = await coverWith(problem, radii[mid], p, opts);
    } catch (err) {
      return { open, value, bound, steps, stopped: `a residual cover MILP did not finish (${(err as Error).message})` };
    }
    steps++;
    if (found === 'too large') return { open, value, bound, steps, stopped: `the residual at ${radii[mid]} holds more than ${EXACT_LIMITS.coveragePairs} pairs` };
    if (found === null) {
      lo = mid + 1;
      bound = lo < radii.length ? radii[lo] : value;
    } else {
      hi = mid;
      value = radii[mid];
      const set = new Set([...fixed, ...found]);
      // Spare sites: keep the heuristic's extra picks where they fit (they cannot raise the maximum).
      for (const j of start.open) if (set.size < totalOpen) set.add(j);
      open = [...set].sort((a, b) => a - b);
    }
  }
  return { open, value, bound: Math.max(bound, start.bound), steps };
}
