/**
 * What a chosen set of open facilities achieves, computed the same way whichever solver chose it:
 * the objective of each model, coverage and distances. Solvers report their own objective; this is
 * the check that it matches the selection.
 */
import type { FacilityCosts, ModelName, OptimizeProblem } from './problem.ts';
import { huffShare } from './huff-share.ts';

export interface SelectionMetrics {
  objective: number;
  coveragePct: number | null;
  meanDistance: number;
  maxDistance: number;
}

/** Nearest open cost per demand point (Infinity where none reaches). */
export function nearestOpenCost(costs: FacilityCosts, open: readonly number[]): Float64Array {
  const best = new Float64Array(costs.n).fill(Infinity);
  for (const j of open) {
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
      const i = costs.demand[k];
      if (costs.cost[k] < best[i]) best[i] = costs.cost[k];
    }
  }
  return best;
}

export function evaluateSelection(problem: OptimizeProblem, open: readonly number[]): SelectionMetrics {
  const { costs, radius, model } = problem;
  const best = nearestOpenCost(costs, open);
  let total = 0;
  let covered = 0;
  let reached = 0;
  let sumDist = 0;
  let maxDist = 0;
  for (let i = 0; i < costs.n; i++) {
    const w = costs.weights[i];
    const d = best[i];
    total += w;
    if (radius !== undefined && d <= radius) covered += w;
    if (d < Infinity) {
      reached += w;
      sumDist += w * d;
    }
    if (d > maxDist) maxDist = d;
  }
  return {
    objective: objectiveOf(model, problem, open, { covered, sumDist, maxDist }),
    coveragePct: radius === undefined ? null : total > 0 ? (100 * covered) / total : 0,
    meanDistance: reached > 0 ? sumDist / reached : NaN,
    maxDistance: maxDist,
  };
}

function objectiveOf(
  model: ModelName,
  problem: OptimizeProblem,
  open: readonly number[],
  t: { covered: number; sumDist: number; maxDist: number },
): number {
  switch (model) {
    case 'mclp':
      return t.covered;
    case 'lscp':
      return open.length;
    case 'pmedian':
      return t.sumDist;
    case 'pcenter':
      return t.maxDist;
    case 'huff':
      return huffShare(problem, open);
  }
}

/**
 * The same figures for an explicit assignment (capacitated models): x[k] is the share of pair k's
 * demand point served by pair k's facility. p-median: Σ w d x; MCLP: Σ w x within the radius.
 */
export function evaluateAssignment(problem: OptimizeProblem, x: Float64Array): SelectionMetrics {
  const { costs, radius, model } = problem;
  let total = 0;
  for (const w of costs.weights) total += w;
  let served = 0;
  let covered = 0;
  let sumDist = 0;
  let maxDist = 0;
  for (let k = 0; k < x.length; k++) {
    if (!(x[k] > 1e-9)) continue;
    const w = costs.weights[costs.demand[k]] * x[k];
    const d = costs.cost[k];
    served += w;
    sumDist += w * d;
    if (radius !== undefined && d <= radius) covered += w;
    if (d > maxDist) maxDist = d;
  }
  return {
    objective: model === 'mclp' ? covered : sumDist,
    coveragePct: radius === undefined ? null : total > 0 ? (100 * covered) / total : 0,
    meanDistance: served > 0 ? sumDist / served : NaN,
    maxDistance: maxDist,
  };
}
