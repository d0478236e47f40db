/**
 * The assignment core of p-median and p-center: one continuous x_k per reachable pair k (demand i
 * served by facility j), Σ_k x_k = 1 per demand point, x_k <= y_j. Columns: y (m), then x (one per
 * stored pair, in FacilityCosts order). With y binary an optimal x is integral (all weight to the
 * nearest open facility), so x need not be.
 */
import type { LpBuilder } from './lp-builder.ts';
import type { PairsByDemand } from './pairs-by-demand.ts';
import type { FacilityCosts } from './problem.ts';

/** Each point's x sum to 1 (`lower` 1), or at most 1 (`lower` 0: partial service, capacitated MCLP). */
export function addAssignmentRows(lp: LpBuilder, costs: FacilityCosts, byDemand: PairsByDemand, lower = 1): void {
  const m = costs.m;
  for (let i = 0; i < costs.n; i++) {
    const cols: number[] = [];
    for (let t = byDemand.start[i]; t < byDemand.start[i + 1]; t++) cols.push(m + byDemand.pair[t]);
    lp.addRow(cols, new Float64Array(cols.length).fill(1), lower, 1);
  }
  const pairCols = new Int32Array(2);
  const pairVals = Float64Array.of(1, -1);
  for (let k = 0; k < costs.cost.length; k++) {
    pairCols[0] = m + k;
    pairCols[1] = byDemand.facilityOfPair[k];
    lp.addRow(pairCols, pairVals, -Infinity, 0);
  }
}
