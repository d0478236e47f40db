/**
 * The "from cost matrix" door (spopt's `from_cost_matrix`): a dense n × m matrix, row-major
 * (cost[i·m + j] = cost from demand i to facility j), plus demand weights. Non-finite entries
 * mean unreachable and are dropped; everything else is kept, so radius-free models see all pairs.
 */
import { UsageError } from '../errors.ts';
import type { FacilityCosts, HuffShareInputs, ModelName, OptimizeProblem } from './problem.ts';

export interface CostMatrixInput {
  model: ModelName;
  /** n × m, row-major. */
  cost: Float64Array;
  n: number;
  m: number;
  weights: Float64Array;
  p?: number;
  radius?: number;
  /** Facility indices or ids kept open. */
  fixed?: (number | string)[];
  demandIds?: string[];
  facilityIds?: string[];
  huff?: HuffShareInputs;
}

export function facilityCostsFromMatrix(cost: Float64Array, n: number, m: number, weights: Float64Array, demandIds?: string[], facilityIds?: string[]): FacilityCosts {
  if (cost.length !== n * m) throw new UsageError(`cost matrix has ${cost.length} entries; ${n} demand × ${m} facilities needs ${n * m}`);
  if (weights.length !== n) throw new UsageError(`${weights.length} weights given for ${n} demand points`);
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (Number.isFinite(cost[i * m + j])) start[j + 1]++;
  for (let j = 0; j < m; j++) start[j + 1] += start[j];
  const fill = start.slice(0, m);
  const demand = new Int32Array(start[m]);
  const c = new Float64Array(start[m]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const d = cost[i * m + j];
      if (!Number.isFinite(d)) continue;
      if (d < 0) throw new UsageError(`cost from demand ${i} to facility ${j} is negative (${d}); costs must be >= 0`);
      demand[fill[j]] = i;
      c[fill[j]++] = d;
    }
  }
  return {
    n,
    m,
    start,
    demand,
    cost: c,
    weights,
    demandIds: demandIds ?? Array.from({ length: n }, (_, i) => String(i)),
    facilityIds: facilityIds ?? Array.from({ length: m }, (_, j) => String(j)),
  };
}

/** Fixed sites given as indices or ids → indices, naming any id that is not a facility. */
export function resolveFixed(fixed: (number | string)[] | undefined, facilityIds: string[]): number[] {
  if (!fixed) return [];
  const index = new Map(facilityIds.map((id, j) => [id, j]));
  return fixed.map((f) => {
    if (typeof f === 'number') return f;
    const j = index.get(f);
    if (j === undefined) throw new UsageError(`fixed site '${f}' is not one of the facilities (${facilityIds.slice(0, 5).join(', ')}${facilityIds.length > 5 ? ', …' : ''})`);
    return j;
  });
}

export function problemFromCostMatrix(input: CostMatrixInput): OptimizeProblem {
  const costs = facilityCostsFromMatrix(input.cost, input.n, input.m, input.weights, input.demandIds, input.facilityIds);
  return { model: input.model, costs, p: input.p, radius: input.radius, fixed: resolveFixed(input.fixed, costs.facilityIds), huff: input.huff };
}
