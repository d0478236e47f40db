/**
 * Capacitated p-median and MCLP (the spopt models with `capacities`): every facility j serves at
 * most C_j demand weight. Columns: y (m), then one assignment x_k per stored pair k.
 *   p-median: min Σ w_i d_k x_k   s.t. Σ_{k of i} x_k = 1
 *   MCLP:     max Σ w_i x_k       s.t. Σ_{k of i} x_k <= 1, x_k = 0 beyond the radius
 *   both:     x_k <= y_j,  Σ_{k of j} w_i x_k <= C_j y_j,  Σ y_j = p + |fixed|.
 * With `singleSource` every x_k is binary (one facility serves all of a point's demand); otherwise
 * a point's demand may split between facilities.
 */
import type { LpBuilder } from './lp-builder.ts';
import { addAssignmentRows } from './milp-assignment.ts';
import { addFacilityColumns, addOpenCountRow, type MilpModel } from './milp-common.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function capacitatedModel(problem: OptimizeProblem, totalOpen: number, capacity: Float64Array): MilpModel {
  const { costs } = problem;
  const { m } = costs;
  const pairs = costs.cost.length;
  const mclp = problem.model === 'mclp';
  const radius = problem.radius ?? Infinity;
  return {
    maximise: mclp,
    numCols: m + pairs,
    build(lp: LpBuilder) {
      addFacilityColumns(lp, problem);
      for (let k = 0; k < pairs; k++) {
        const w = costs.weights[costs.demand[k]];
        lp.colCost[m + k] = mclp ? w : w * costs.cost[k];
        if (mclp && costs.cost[k] > radius) lp.colUpper[m + k] = 0;
        if (problem.singleSource) lp.setInteger(m + k);
      }
      const byDemand = pairsByDemand(costs);
      addAssignmentRows(lp, costs, byDemand, mclp ? 0 : 1);
      for (let j = 0; j < m; j++) {
        if (!Number.isFinite(capacity[j])) continue;
        const cols = [j];
        const vals = [-capacity[j]];
        for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
          cols.push(m + k);
          vals.push(costs.weights[costs.demand[k]]);
        }
        lp.addRow(cols, vals, -Infinity, 0);
      }
      addOpenCountRow(lp, problem, totalOpen);
    },
  };
}
