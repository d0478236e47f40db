/**
 * Exact Huff share by enumeration: the share is not linear in the open set, so there is no MILP
 * for it here; when C(free candidates, p) is small every choice is evaluated. The own utility of
 * the fixed sites is computed once; each subset adds its p utility lists on top.
 */
import { captured, huffUtilities, ownUtility } from './huff-share.ts';
import type { OptimizeProblem } from './problem.ts';

export function enumerateHuff(problem: OptimizeProblem, p: number, signal?: AbortSignal): { open: number[]; share: number } {
  const { costs } = problem;
  const fixed = problem.fixed ?? [];
  const u = huffUtilities(problem);
  const base = ownUtility(problem, u, fixed);
  const comp = problem.huff?.competitorPressure ?? new Float64Array(costs.n);
  const isFixed = new Uint8Array(costs.m);
  for (const j of fixed) isFixed[j] = 1;
  const free: number[] = [];
  for (let j = 0; j < costs.m; j++) if (!isFixed[j]) free.push(j);
  let total = 0;
  for (let i = 0; i < costs.n; i++) total += costs.weights[i];
  const own = new Float64Array(costs.n);
  let best = -Infinity;
  let bestSet: number[] = [];
  const pick = new Int32Array(p).map((_, t) => t);
  for (let count = 0; ; count++) {
    if ((count & 1023) === 0) signal?.throwIfAborted();
    own.set(base);
    for (let t = 0; t < p; t++) {
      const j = free[pick[t]];
      for (let k = costs.start[j]; k < costs.start[j + 1]; k++) own[costs.demand[k]] += u[k];
    }
    let got = 0;
    for (let i = 0; i < costs.n; i++) got += captured(costs.weights[i], own[i], comp[i]);
    if (got > best) {
      best = got;
      bestSet = Array.from(pick, (t) => free[t]);
    }
    // Next combination in lexicographic order.
    let t = p - 1;
    while (t >= 0 && pick[t] === free.length - p + t) t--;
    if (t < 0) break;
    pick[t]++;
    for (let s = t + 1; s < p; s++) pick[s] = pick[s - 1] + 1;
  }
  return { open: [...fixed, ...bestSet].sort((a, b) => a - b), share: total > 0 ? best / total : 0 };
}
