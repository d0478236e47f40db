/**
 * A lower bound on p-median at any size (Cornuéjols, Fisher & Nemhauser 1977; Beasley 1993):
 * relax "every point is assigned once" with multipliers λ_i:
 *   L(λ) = Σ_i λ_i + Σ_{j fixed} ρ_j + (the P − F smallest ρ_j of the others),
 *   ρ_j  = Σ_{i near j} min(0, w_i d_ij − λ_i).
 * Every λ gives L(λ) <= OPT, as long as absent pairs contribute nothing: λ_i is kept within
 * [0, w_i · cap_i] (a capped list's absent facilities cost at least cap_i). Subgradient steps
 * (Polyak, towards the heuristic's value) raise it; the run can be resumed with a better target.
 */
import type { NearestLists } from './nearest-lists.ts';

export class PMedianLagrangian {
  readonly lambda: Float64Array;
  private readonly rho: Float64Array;
  private readonly g: Float64Array;
  private readonly lambdaMax: Float64Array;
  private readonly free: Int32Array;
  private theta = 2;
  private sinceImproved = 0;
  best = -Infinity;
  /** The facilities open in the relaxed solution of the best step (a start for the heuristic). */
  bestOpen: number[] = [];
  iterations = 0;

  constructor(
    private readonly lists: NearestLists,
    private readonly weights: Float64Array,
    private readonly fixed: readonly number[],
    private readonly totalOpen: number,
  ) {
    const { n, m, start, cost, cap } = lists;
    this.rho = new Float64Array(m);
    this.g = new Float64Array(n);
    this.lambdaMax = Float64Array.from(cap, (c, i) => weights[i] * c);
    // Start each λ_i at the point's cost to its second-nearest facility (its nearest is often itself).
    this.lambda = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = Math.min(start[i] + 1, start[i + 1] - 1);
      this.lambda[i] = t >= start[i] ? Math.min(this.lambdaMax[i], weights[i] * cost[t]) : 0;
    }
    const isFixed = new Uint8Array(m);
    for (const j of fixed) isFixed[j] = 1;
    this.free = Int32Array.from({ length: m }, (_, j) => j).filter((j) => !isFixed[j]);
  }

  /** Runs up to `iterations` steps; stops early when the bound meets `target` (within `tolerance`) or θ is spent. */
  run(target: number, iterations: number, tolerance: number, signal?: AbortSignal, deadline = Infinity): number {
    const { n, fstart, fdemand, fcost } = this.lists;
    const { lambda, rho, g, weights: w } = this;
    const freeCount = this.totalOpen - this.fixed.length;
    for (let it = 0; it < iterations; it++) {
      if ((it & 15) === 0) {
        signal?.throwIfAborted();
        if (performance.now() > deadline) break;
      }
      if (this.theta < 1e-5 || target - this.best <= tolerance) break;
      this.iterations++;
      let value = 0;
      for (let i = 0; i < n; i++) value += lambda[i];
      for (const j of this.fixed) rho[j] = this.reducedCost(j);
      for (const j of this.free) rho[j] = this.reducedCost(j);
      const chosen = this.smallest(freeCount);
      const open = [...this.fixed, ...chosen];
      for (const j of open) value += rho[j];
      g.fill(1);
      for (const j of open) {
        for (let t = fstart[j]; t < fstart[j + 1]; t++) {
          const i = fdemand[t];
          if (w[i] * fcost[t] < lambda[i]) g[i] -= 1;
        }
      }
      if (value > this.best + 1e-12 * Math.abs(value)) {
        this.best = value;
        this.bestOpen = open;
        this.sinceImproved = 0;
      } else if (++this.sinceImproved >= 20) {
        this.theta /= 2;
        this.sinceImproved = 0;
      }
      // Components pinned at a bound that the step would push further out do not move.
      let norm = 0;
      for (let i = 0; i < n; i++) {
        const gi = g[i];
        if ((gi > 0 && lambda[i] >= this.lambdaMax[i]) || (gi < 0 && lambda[i] <= 0)) g[i] = 0;
        else norm += gi * gi;
      }
      if (norm === 0) {
        // The relaxed solution is feasible: its value is optimal for the relaxation and the problem.
        this.theta = 0;
        break;
      }
      const step = (this.theta * Math.max(target - value, 1e-9 * Math.abs(target))) / norm;
      for (let i = 0; i < n; i++) if (g[i] !== 0) lambda[i] = Math.min(this.lambdaMax[i], Math.max(0, lambda[i] + step * g[i]));
    }
    return this.best;
  }

  private reducedCost(j: number): number {
    const { fstart, fdemand, fcost } = this.lists;
    let r = 0;
    for (let t = fstart[j]; t < fstart[j + 1]; t++) {
      const v = this.weights[fdemand[t]] * fcost[t] - this.lambda[fdemand[t]];
      if (v < 0) r += v;
    }
    return r;
  }

  /** The k free facilities with the smallest ρ. */
  private smallest(k: number): number[] {
    const rho = this.rho;
    const free = Array.from(this.free);
    free.sort((a, b) => rho[a] - rho[b] || a - b);
    return free.slice(0, k);
  }
}
