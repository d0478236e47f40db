/**
 * Network costs in the optimisation models' sparse form (FacilityCosts CSR: for every facility the
 * demand points within the radius): the optimiser's bundle door takes this in place of its
 * great-circle pairs. Costs run from demand to facility (customers travel to the outlet), in
 * metres or minutes.
 */
import type { Points } from '../kernel/types.ts';
import type { SparsePairs } from '../optimize/pairs-within-radius.ts';
import { costMatrix } from './cost-matrix.ts';
import type { Router } from './router.ts';

/** Minutes per unit of the router's time (seconds); metres stay metres. */
export function unitScale(router: Router): number {
  return router.metric === 'time' ? 1 / 60 : 1;
}

export function networkPairs(router: Router, signal?: AbortSignal): (demand: Points, facilities: Points, radius: number) => SparsePairs {
  const scale = unitScale(router);
  return (demand, facilities, radius) => {
    const m = costMatrix(router, facilities, demand, { max: radius / scale, direction: 'to', signal });
    const start = new Int32Array(facilities.lon.length + 1);
    for (let k = 0; k < m.from.length; k++) start[m.from[k] + 1]++;
    for (let j = 0; j < facilities.lon.length; j++) start[j + 1] += start[j];
    return { start, demand: m.to, cost: m.value.map((v) => v * scale) };
  };
}
