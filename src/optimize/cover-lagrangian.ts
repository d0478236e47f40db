/**
 * A lower bound on the fewest sites covering every demand point within `radius` (LSCP, and the
 * feasibility test of the p-center radius search): relax the cover rows Σ_{j covers i} y_j >= 1
 * with multipliers u_i >= 0 (Beasley 1990):
 *   L(u) = Σ_i u_i + Σ_{j fixed} (1 − s_j) + Σ_{j free} min(0, 1 − s_j),   s_j = Σ_{i covered by j} u_i.
 * Any u >= 0 gives L(u) <= OPT; the count is whole, so ⌈L⌉ is a bound too. Starts from the dual-
 * feasible u_i = min over i's sites of 1 / |sites' points|, then subgradient steps towards `target`.
 */
import type { FacilityCosts } from './problem.ts';

export interface CoverBoundOptions {
  radius: number;
  fixed: readonly number[];
  /** A feasible count (the greedy cover's), the Polyak target. */
  target: number;
  /** Stop as soon as ⌈L⌉ reaches this (e.g. p + 1 to prove p sites cannot cover). */
  enough?: number;
  iterations?: number;
  signal?: AbortSignal;
}

export function coverLowerBound(costs: FacilityCosts, o: CoverBoundOptions): number {
  const { n, m, start, demand, cost } = costs;
  const r = o.radius;
  const size = new Float64Array(m);
  for (let j = 0; j < m; j++) for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= r) size[j]++;
  const u = new Float64Array(n).fill(Infinity);
  for (let j = 0; j < m; j++) for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= r) u[demand[k]] = Math.min(u[demand[k]], 1 / size[j]);
  for (let i = 0; i < n; i++) if (u[i] === Infinity) return Infinity; // a point nobody reaches: no cover at all
  const isFixed = new Uint8Array(m);
  for (const j of o.fixed) isFixed[j] = 1;
  const s = new Float64Array(m);
  const g = new Float64Array(n);
  const enough = o.enough ?? o.target;
  let best = -Infinity;
  let theta = 2;
  let since = 0;
  const iterations = o.iterations ?? 200;
  for (let it = 0; it < iterations; it++) {
    if ((it & 15) === 0) o.signal?.throwIfAborted();
    let value = 0;
    for (let i = 0; i < n; i++) value += u[i];
    g.fill(1);
    for (let j = 0; j < m; j++) {
      let sj = 0;
      for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= r) sj += u[demand[k]];
      s[j] = sj;
      if (!isFixed[j] && 1 - sj >= 0) continue;
      value += 1 - sj;
      for (let k = start[j]; k < start[j + 1]; k++) if (cost[k] <= r) g[demand[k]] -= 1;
    }
    if (value > best + 1e-12) {
      best = value;
      since = 0;
    } else if (++since >= 10) {
      theta /= 2;
      since = 0;
    }
    if (Math.ceil(best - 1e-9) >= enough || theta < 1e-4) break;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      if (g[i] < 0 && u[i] <= 0) g[i] = 0;
      norm += g[i] * g[i];
    }
    if (norm === 0) break;
    const step = (theta * Math.max(o.target - value, 1e-3)) / norm;
    for (let i = 0; i < n; i++) if (g[i] !== 0) u[i] = Math.max(0, u[i] + step * g[i]);
  }
  return Math.max(o.fixed.length, Math.ceil(best - 1e-9));
}
