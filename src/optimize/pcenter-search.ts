/**
 * Exact p-center by bisection over radii (Minieka 1970): the optimal largest distance is one of
 * the stored pair costs, and "can p + |fixed| sites cover every demand point within r?" is a
 * set-cover MILP (the LSCP model with the fixed sites forced open). The smallest feasible r is the
 * optimum. ~log2(pairs) small MILPs solve far faster than the assignment formulation, whose LP
 * relaxation is weak (SF: 7 s → well under 1 s).
 */
import { solveMilp } from './highs-solve.ts';
import { LpBuilder } from './lp-builder.ts';
import { openFacilities } from './milp-common.ts';
import { lscpModel } from './milp-lscp.ts';
import type { OptimizeOptions, OptimizeProblem } from './problem.ts';

/** The fewest sites covering every point within `radius` (fixed ones included); null when infeasible. */
export async function minCover(problem: OptimizeProblem, radius: number, opts: OptimizeOptions): Promise<number[] | null> {
  const model = lscpModel(problem, radius);
  const sol = await solveMilp(
    (highs) => {
      const lp = new LpBuilder(highs, model.numCols);
      model.build(lp);
      return lp.build(false);
    },
    { timeLimit: opts.timeLimit, loadSolver: opts.loadSolver, signal: opts.signal },
  );
  if (sol.status === 'Infeasible') return null;
  if (!sol.optimal) throw new Error(`HiGHS ended a p-center step with '${sol.status}'${sol.status === 'Time limit reached' ? '; raise --time-limit' : ''}`);
  return openFacilities(sol.x, problem.costs.m);
}

function coversAll(problem: OptimizeProblem, radius: number): boolean {
  const reached = new Uint8Array(problem.costs.n);
  problem.costs.cost.forEach((d, k) => {
    if (d <= radius) reached[problem.costs.demand[k]] = 1;
  });
  return reached.every((r) => r === 1);
}

export async function solvePCenter(problem: OptimizeProblem, totalOpen: number, opts: OptimizeOptions): Promise<{ open: number[]; radius: number; steps: number }> {
  const radii = Float64Array.from(new Set(problem.costs.cost)).sort();
  // Every demand point must be reachable within the answer, so start at the largest "nearest" cost.
  let lo = 0;
  let hi = radii.length - 1;
  let best: number[] | null = null;
  let steps = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    opts.onProgress?.({ stage: 'p-center bisection', fraction: steps / Math.log2(radii.length + 1) });
    const set = coversAll(problem, radii[mid]) ? await minCover(problem, radii[mid], opts) : null;
    steps++;
    if (set !== null && set.length <= totalOpen) {
      hi = mid;
      best = set;
    } else lo = mid + 1;
  }
  best ??= await minCover(problem, radii[lo], opts);
  if (best === null || best.length > totalOpen) throw new Error('p-center bisection found no feasible radius; this should not happen once every demand point is reachable');
  // Fewer sites may suffice: open the rest too (lowest index first), which cannot raise the maximum.
  const open = new Set(best);
  for (let j = 0; j < problem.costs.m && open.size < totalOpen; j++) open.add(j);
  return { open: [...open].sort((a, b) => a - b), radius: radii[lo], steps };
}
