/**
 * The own network's Huff market share (DESIGN §3): demand point i sends the fraction
 * O_i / (O_i + C_i) of its weight to the own network, where O_i is the summed utility of the open
 * own facilities and C_i the competitors'. Share = Σ w_i · O_i/(O_i + C_i) / Σ w_i.
 * x ↦ x/(x + C) is concave and increasing, so the share is a monotone submodular function of the
 * open set: greedy gets within (1 − 1/e) of the optimum.
 */
import { UsageError } from '../errors.ts';
import type { OptimizeProblem } from './problem.ts';

/** u_k = a_j · max(d_k, floor)^-β for every stored pair k of facility j (0 beyond the radius). */
export function huffUtilities(problem: OptimizeProblem): Float64Array {
  const { costs, huff, radius } = problem;
  if (!huff) throw new UsageError('the huff model needs attractiveness, competitor pressure, beta and floor (problem.huff)');
  const cutoff = radius ?? Infinity;
  const u = new Float64Array(costs.cost.length);
  for (let j = 0; j < costs.m; j++) {
    const a = huff.attractiveness[j];
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
      const d = costs.cost[k];
      u[k] = d <= cutoff ? a * Math.pow(Math.max(d, huff.floor), -huff.beta) : 0;
    }
  }
  return u;
}

/** Captured weight of one demand point with own utility o and competitor utility c. */
export function captured(w: number, o: number, c: number): number {
  return o > 0 ? (w * o) / (o + c) : 0;
}

/** Own utility per demand point for an open set. */
export function ownUtility(problem: OptimizeProblem, utilities: Float64Array, open: readonly number[]): Float64Array {
  const { costs } = problem;
  const own = new Float64Array(costs.n);
  for (const j of open) {
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) own[costs.demand[k]] += utilities[k];
  }
  return own;
}

/** Market share (0–1) of the own network when `open` are the open facilities. */
export function huffShare(problem: OptimizeProblem, open: readonly number[], utilities = huffUtilities(problem)): number {
  const { costs } = problem;
  const comp = problem.huff?.competitorPressure;
  const own = ownUtility(problem, utilities, open);
  let total = 0;
  let got = 0;
  for (let i = 0; i < costs.n; i++) {
    total += costs.weights[i];
    got += captured(costs.weights[i], own[i], comp ? comp[i] : 0);
  }
  return total > 0 ? got / total : 0;
}
