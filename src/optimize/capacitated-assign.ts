/**
 * Serving demand from a given set of open sites within their capacities, for the capacitated
 * heuristics: points in order of regret (how much they lose if their nearest site is full, largest
 * first) go to the nearest open site with room; a point's demand may split across sites unless
 * `singleSource`. Returns x per stored pair (FacilityCosts order), or null when demand is left over.
 */
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function capacitatedAssign(problem: OptimizeProblem, open: readonly number[], capacity: Float64Array): { x: Float64Array; unserved: number } {
  const { costs } = problem;
  const mclp = problem.model === 'mclp';
  const radius = mclp ? (problem.radius ?? Infinity) : Infinity;
  const isOpen = new Uint8Array(costs.m);
  for (const j of open) isOpen[j] = 1;
  const byDemand = pairsByDemand(costs, radius);
  const fac = byDemand.facilityOfPair;
  // Each point's usable pairs, nearest first.
  const lists: number[][] = [];
  const regret = new Float64Array(costs.n);
  for (let i = 0; i < costs.n; i++) {
    const l: number[] = [];
    for (let t = byDemand.start[i]; t < byDemand.start[i + 1]; t++) if (isOpen[fac[byDemand.pair[t]]]) l.push(byDemand.pair[t]);
    l.sort((a, b) => costs.cost[a] - costs.cost[b]);
    lists.push(l);
    regret[i] = l.length >= 2 ? costs.weights[i] * (costs.cost[l[1]] - costs.cost[l[0]]) : Infinity;
  }
  const order = Array.from({ length: costs.n }, (_, i) => i).sort((a, b) => regret[b] - regret[a] || a - b);
  const left = Float64Array.from(capacity);
  const x = new Float64Array(costs.cost.length);
  let unserved = 0;
  for (const i of order) {
    const w = costs.weights[i];
    let need = 1;
    for (const k of lists[i]) {
      const j = fac[k];
      if (w === 0) { x[k] = 1; need = 0; break; }
      const room = left[j] / w;
      if (room <= 1e-12) continue;
      if (problem.singleSource && room < need - 1e-12) continue;
      const take = Math.min(need, room);
      x[k] += take;
      left[j] -= take * w;
      need -= take;
      if (need <= 1e-12) break;
    }
    if (need > 1e-12) unserved += need * w;
  }
  return { x, unserved };
}
