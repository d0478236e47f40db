/**
 * p-center (Hakimi 1964): open p + |fixed| facilities minimising the largest cost from any demand
 * point to its facility (unweighted, as in spopt). min W  s.t.  Σ_k d_k x_k <= W per demand point,
 * over the assignment core. W is the last column.
 */
import type { LpBuilder } from './lp-builder.ts';
import { addAssignmentRows } from './milp-assignment.ts';
import { addFacilityColumns, addOpenCountRow, type MilpModel } from './milp-common.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function pcenterModel(problem: OptimizeProblem, totalOpen: number): MilpModel {
  const { costs } = problem;
  const pairs = costs.cost.length;
  const w = costs.m + pairs;
  return {
    maximise: false,
    numCols: w + 1,
    build(lp: LpBuilder) {
      addFacilityColumns(lp, problem);
      lp.colCost[w] = 1;
      lp.colUpper[w] = Infinity;
      const byDemand = pairsByDemand(costs);
      addAssignmentRows(lp, costs, byDemand);
      for (let i = 0; i < costs.n; i++) {
        const cols = [w];
        const vals = [-1];
        for (let t = byDemand.start[i]; t < byDemand.start[i + 1]; t++) {
          cols.push(costs.m + byDemand.pair[t]);
          vals.push(costs.cost[byDemand.pair[t]]);
        }
        lp.addRow(cols, vals, -Infinity, 0);
      }
      addOpenCountRow(lp, problem, totalOpen);
    },
  };
}
