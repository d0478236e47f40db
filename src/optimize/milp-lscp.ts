/**
 * LSCP (Toregas et al. 1971): the fewest facilities such that every demand point is within the
 * radius of one. min Σ y_j  s.t.  Σ_{j covers i} y_j >= 1 for every i, y binary. Fixed sites
 * are forced open and counted. A demand point nobody covers makes it infeasible: the caller
 * checks that first and names the point.
 */
import type { LpBuilder } from './lp-builder.ts';
import { addFacilityColumns, type MilpModel } from './milp-common.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function lscpModel(problem: OptimizeProblem, radius: number): MilpModel {
  const { costs } = problem;
  const { n, m } = costs;
  return {
    maximise: false,
    numCols: m,
    build(lp: LpBuilder) {
      addFacilityColumns(lp, problem);
      lp.colCost.fill(1);
      const byDemand = pairsByDemand(costs, radius);
      for (let i = 0; i < n; i++) {
        const cols: number[] = [];
        for (let t = byDemand.start[i]; t < byDemand.start[i + 1]; t++) cols.push(byDemand.facilityOfPair[byDemand.pair[t]]);
        lp.addRow(cols, new Float64Array(cols.length).fill(1), 1, Infinity);
      }
    },
  };
}
