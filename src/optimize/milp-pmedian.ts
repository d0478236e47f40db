/**
 * p-median (Hakimi 1964; ReVelle & Swain 1970): open p + |fixed| facilities minimising the
 * demand-weighted cost to the assigned facility. min Σ_k w_i(k) d_k x_k over the assignment core.
 */
import type { LpBuilder } from './lp-builder.ts';
import { addAssignmentRows } from './milp-assignment.ts';
import { addFacilityColumns, addOpenCountRow, type MilpModel } from './milp-common.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function pmedianModel(problem: OptimizeProblem, totalOpen: number): MilpModel {
  const { costs } = problem;
  const pairs = costs.cost.length;
  return {
    maximise: false,
    numCols: costs.m + pairs,
    build(lp: LpBuilder) {
      addFacilityColumns(lp, problem);
      for (let k = 0; k < pairs; k++) lp.colCost[costs.m + k] = costs.weights[costs.demand[k]] * costs.cost[k];
      addAssignmentRows(lp, costs, pairsByDemand(costs));
      addOpenCountRow(lp, problem, totalOpen);
    },
  };
}
