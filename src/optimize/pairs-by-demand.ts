/**
 * The transpose of FacilityCosts: for each demand point, the stored pairs that reach it
 * (optionally only those within a radius). MILP rows are per demand point, so they need this view.
 */
import type { FacilityCosts } from './problem.ts';

export interface PairsByDemand {
  /** Demand i's pairs are pair[start[i]..start[i+1]]. */
  start: Int32Array;
  /** Index k into FacilityCosts.demand/cost. */
  pair: Int32Array;
  /** Facility of each pair k (FacilityCosts is facility-major, so it is implicit there). */
  facilityOfPair: Int32Array;
}

export function pairsByDemand(costs: FacilityCosts, maxCost = Infinity): PairsByDemand {
  const total = costs.cost.length;
  const facilityOfPair = new Int32Array(total);
  const start = new Int32Array(costs.n + 1);
  for (let j = 0; j < costs.m; j++) {
    for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
      facilityOfPair[k] = j;
      if (costs.cost[k] <= maxCost) start[costs.demand[k] + 1]++;
    }
  }
  for (let i = 0; i < costs.n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, costs.n);
  const pair = new Int32Array(start[costs.n]);
  for (let k = 0; k < total; k++) {
    if (costs.cost[k] <= maxCost) pair[fill[costs.demand[k]]++] = k;
  }
  return { start, pair, facilityOfPair };
}
