/**
 * MCLP as a submodular oracle: f(S) = weight of demand within `radius` of some facility in S.
 * The gain of j is the weight of its not-yet-covered demand; walking j's CSR pairs is all it costs.
 */
import type { SubmodularOracle } from './lazy-greedy.ts';
import type { FacilityCosts } from './problem.ts';

export function coverageOracle(costs: FacilityCosts, radius: number): SubmodularOracle {
  const covered = new Uint8Array(costs.n);
  let value = 0;
  const { start, demand, cost, weights } = costs;
  return {
    m: costs.m,
    gain(j) {
      let g = 0;
      for (let k = start[j]; k < start[j + 1]; k++) {
        const i = demand[k];
        if (!covered[i] && cost[k] <= radius) g += weights[i];
      }
      return g;
    },
    add(j) {
      for (let k = start[j]; k < start[j + 1]; k++) {
        const i = demand[k];
        if (!covered[i] && cost[k] <= radius) {
          covered[i] = 1;
          value += weights[i];
        }
      }
    },
    value: () => value,
  };
}
