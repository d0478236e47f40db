/**
 * Boundary checks before any solver runs: each failure names the bad value and the fix.
 */
import { UsageError } from '../errors.ts';
import { MODEL_NAMES, type OptimizeProblem } from './problem.ts';

/** Returns the number of facilities to open in total (p new + fixed; LSCP: unknown → 0). */
export function checkProblem(problem: OptimizeProblem): number {
  const { model, costs, p, radius } = problem;
  if (!MODEL_NAMES.includes(model)) throw new UsageError(`unknown model '${String(model)}': use one of ${MODEL_NAMES.join(', ')}`);
  const { n, m } = costs;
  if (costs.start.length !== m + 1 || costs.weights.length !== n) {
    throw new UsageError(`inconsistent cost structure: ${m} facilities need ${m + 1} starts (got ${costs.start.length}), ${n} demand points need ${n} weights (got ${costs.weights.length})`);
  }
  for (let i = 0; i < n; i++) {
    const w = costs.weights[i];
    if (!(w >= 0) || w === Infinity) throw new UsageError(`demand '${costs.demandIds[i]}' has weight ${w}: weights must be finite and >= 0`);
  }
  const fixed = problem.fixed ?? [];
  const seen = new Set<number>();
  for (const j of fixed) {
    if (!Number.isInteger(j) || j < 0 || j >= m) throw new UsageError(`fixed facility index ${j} is not one of the ${m} facilities`);
    if (seen.has(j)) throw new UsageError(`facility '${costs.facilityIds[j]}' is fixed twice`);
    seen.add(j);
  }
  if ((model === 'mclp' || model === 'lscp') && !(radius !== undefined && radius > 0 && radius < Infinity)) {
    throw new UsageError(`the ${model} model needs a service radius: give --radius METRES (got ${radius})`);
  }
  if (radius !== undefined && !(radius > 0)) throw new UsageError(`invalid radius: ${radius} (give metres > 0)`);
  if (model === 'lscp') return 0;
  if (p === undefined || !Number.isInteger(p) || p < 0) throw new UsageError(`the ${model} model needs --p N, the number of new sites (a whole number >= 0; got ${p})`);
  if (p + fixed.length > m) throw new UsageError(`cannot open ${p} new sites beside ${fixed.length} fixed ones: there are only ${m} facilities`);
  if (p + fixed.length === 0) throw new UsageError(`nothing to open: give --p >= 1 or fix at least one site`);
  return p + fixed.length;
}

/** Every demand point must be reachable (within `maxCost`) by some facility; names the first that is not. */
export function checkReachable(problem: OptimizeProblem, maxCost: number, why: string): void {
  const { costs } = problem;
  const reached = new Uint8Array(costs.n);
  for (let k = 0; k < costs.cost.length; k++) if (costs.cost[k] <= maxCost) reached[costs.demand[k]] = 1;
  const i = reached.indexOf(0);
  if (i >= 0) {
    throw new UsageError(`demand '${costs.demandIds[i]}' is ${why}; the ${problem.model} model has no solution (remove it, add a candidate near it${maxCost < Infinity ? ' or raise --radius' : ''})`);
  }
}
