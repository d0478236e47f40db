/**
 * An upper bound on MCLP at any size, equal in the limit to the LP-relaxation bound, without an LP
 * solver: relax the coverage rows z_i <= Σ_{j covers i} y_j with multipliers λ_i >= 0 (Lagrange).
 *   L(λ) = Σ_i max(0, w_i − λ_i) + Σ_{j fixed} c_j + (the P − F largest c_j of the others),
 *   c_j = Σ_{i covered by j} λ_i.
 * Every λ >= 0 gives L(λ) >= LP optimum >= OPT; subgradient steps (Held–Karp/Polyak, step towards
 * the greedy value) push it down. Each step is one pass over the coverage pairs.
 */
import type { FacilityCosts } from './problem.ts';

export interface LagrangianOptions {
  radius: number;
  totalOpen: number;
  fixed: readonly number[];
  /** A feasible objective (the greedy value), the target of the Polyak step. */
  lowerBound: number;
  iterations?: number;
  signal?: AbortSignal;
  onStep?: (step: number) => void;
}

export function mclpLagrangianBound(costs: FacilityCosts, o: LagrangianOptions): { bound: number; iterations: number } {
  const { n, m, start, demand, cost, weights } = costs;
  const lambda = Float64Array.from(weights);
  const c = new Float64Array(m);
  const g = new Float64Array(n);
  const isFixed = new Uint8Array(m);
  for (const j of o.fixed) isFixed[j] = 1;
  const free = o.totalOpen - o.fixed.length;
  const order = Array.from({ length: m }, (_, j) => j).filter((j) => !isFixed[j]);
  let best = Infinity;
  let theta = 2;
  let sinceImproved = 0;
  const maxIter = o.iterations ?? 60;
  let it = 0;
  while (it < maxIter) {
    it++;
    o.signal?.throwIfAborted();
    o.onStep?.(it);
    c.fill(0);
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= o.radius) s += lambda[demand[k]];
      c[j] = s;
    }
    order.sort((a, b) => c[b] - c[a]);
    let value = 0;
    for (let i = 0; i < n; i++) {
      const slack = weights[i] - lambda[i];
      g[i] = slack > 0 ? -1 : 0; // −z_i
      if (slack > 0) value += slack;
    }
    const open = [...o.fixed, ...order.slice(0, free)];
    for (const j of open) {
      value += c[j];
      for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= o.radius) g[demand[k]] += 1;
    }
    if (best === Infinity || value < best - 1e-9 * Math.abs(best)) {
      best = value;
      sinceImproved = 0;
    } else if (++sinceImproved >= 5) {
      theta /= 2;
      sinceImproved = 0;
    }
    // Only components that can move (λ_i > 0 or pushed up) count towards the step norm.
    let norm = 0;
    for (let i = 0; i < n; i++) if (g[i] !== 0 && (lambda[i] > 0 || g[i] < 0)) norm += g[i] * g[i];
    const gap = value - o.lowerBound;
    if (norm === 0 || gap <= 1e-9 * Math.max(1, Math.abs(value))) break;
    const step = (theta * gap) / norm;
    for (let i = 0; i < n; i++) if (g[i] !== 0) lambda[i] = Math.max(0, lambda[i] - step * g[i]);
  }
  return { bound: best, iterations: it };
}
