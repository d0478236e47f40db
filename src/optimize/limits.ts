/**
 * When the exact MILP is attempted. HiGHS runs here as single-threaded 32-bit WebAssembly: its heap
 * tops out at a few GB, and branch-and-bound re-solves the LP relaxation at every node, so the model
 * size (columns + nonzeros) decides both memory and time.
 *
 * - p-median and p-center need one assignment variable x_ij per reachable demand–facility pair plus
 *   a linking row x_ij <= y_j each (the strong formulation: its LP is usually integral, so branching
 *   is rare, but the LP itself is large). Measured: 400 × 60 = 24 000 pairs take ~7 s of CPU for the
 *   root LP alone, and simplex time grows faster than linearly, so the limit is 50 000 pairs
 *   (SF: 205 × 16 = 3 280 pairs, a fraction of a second).
 * - MCLP and LSCP need only one variable per demand point and one per facility, with one nonzero per
 *   covering pair, but uniform random instances branch a lot: measured 2 000 × 200 (24 000 pairs,
 *   p = 10) 19 s of CPU to optimality; 5 000 × 500 (156 000 pairs) not proved in 66 s of CPU.
 *   Limit 50 000 pairs; under --time-limit a larger run still reports its incumbent and gap.
 * - The channel mix has one coverage row per demand point and type and its LP is nearly integral
 *   (one serving level per point, the best type in reach): on the sample city, 5 861 demand points ×
 *   2 000 candidates × 3 types (367 959 pairs within each type's radius), the LP relaxation took
 *   6.6 s of CPU and equalled the MILP optimum, the MILP 9 s of CPU (26 s wall at load 14). Limit
 *   500 000 pairs, with a default time limit in 'auto' (MIX_AUTO_TIME_LIMIT) so a hard instance
 *   still ends with its incumbent and gap.
 * p-median counts only the pairs that can matter: those nearer than each point's nearest fixed site.
 * Beyond these every model has a heuristic with a proven bound: p-median local search with a
 * Lagrangian bound (pmedian-heuristic.ts), LSCP greedy cover with a Lagrangian cover bound,
 * p-center a radius search over greedy covers (pcenter-heuristic.ts), MCLP and Huff share lazy greedy.
 */
export const EXACT_LIMITS = {
  /** p-median / p-center: reachable demand–facility pairs. */
  assignmentPairs: 50_000,
  /** MCLP / LSCP: demand–facility pairs within the radius. */
  coveragePairs: 50_000,
  /** Channel mix: Σ over (candidate, type) of the demand points within the type's radius. */
  mixPairs: 500_000,
  /** Huff share is not linear: exact means enumerating every choice of p sites, up to this many. */
  huffSubsets: 20_000,
  /** …and at most this many demand-point updates in total (subsets × (n + p·pairs per facility)). */
  huffWork: 200_000_000,
} as const;

/** Seconds HiGHS gets for a channel mix in 'auto' when no --time-limit is given. */
export const MIX_AUTO_TIME_LIMIT = 120;

/** C(n, k) as a float (exact below 2^53), Infinity once it passes `cap`. */
export function binomial(n: number, k: number, cap = Number.MAX_SAFE_INTEGER): number {
  if (k < 0 || k > n) return 0;
  const kk = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= kk; i++) {
    c = (c * (n - kk + i)) / i;
    if (c > cap) return Infinity;
  }
  return Math.round(c);
}
