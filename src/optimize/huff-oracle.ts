/**
 * Huff share as a submodular oracle: f(S) = Σ_i w_i·O_i/(O_i + C_i) / Σ w_i with O_i the utility
 * of the open set at demand point i. Adding j raises O_i by u_ij only where j reaches i.
 */
import { captured, huffUtilities } from './huff-share.ts';
import type { SubmodularOracle } from './lazy-greedy.ts';
import type { OptimizeProblem } from './problem.ts';

export function huffOracle(problem: OptimizeProblem): SubmodularOracle {
  const { start, demand, weights, n } = problem.costs;
  const u = huffUtilities(problem);
  const comp = problem.huff?.competitorPressure ?? new Float64Array(n);
  const own = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const scale = total > 0 ? 1 / total : 0;
  let got = 0;
  return {
    m: problem.costs.m,
    gain(j) {
      let g = 0;
      for (let k = start[j]; k < start[j + 1]; k++) {
        if (u[k] === 0) continue;
        const i = demand[k];
        g += captured(weights[i], own[i] + u[k], comp[i]) - captured(weights[i], own[i], comp[i]);
      }
      return g * scale;
    },
    add(j) {
      for (let k = start[j]; k < start[j + 1]; k++) {
        const i = demand[k];
        got += captured(weights[i], own[i] + u[k], comp[i]) - captured(weights[i], own[i], comp[i]);
        own[i] += u[k];
      }
    },
    value: () => got * scale,
  };
}
