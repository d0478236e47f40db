/**
 * MCLP (Church & ReVelle 1974): open p + |fixed| facilities to maximise the demand weight within
 * the radius. max Σ w_i z_i  s.t.  z_i <= Σ_{j covers i} y_j,  Σ y_j = p + |fixed|,  y binary,
 * 0 <= z_i <= 1 (z is integral at an optimum once y is, so it stays continuous).
 */
import type { LpBuilder } from './lp-builder.ts';
import { addFacilityColumns, addOpenCountRow, type MilpModel } from './milp-common.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { OptimizeProblem } from './problem.ts';

export function mclpModel(problem: OptimizeProblem, radius: number, totalOpen: number): MilpModel {
  const { costs } = problem;
  const { n, m } = costs;
  return {
    maximise: true,
    numCols: m + n,
    build(lp: LpBuilder) {
      addFacilityColumns(lp, problem);
      const byDemand = pairsByDemand(costs, radius);
      for (let i = 0; i < n; i++) {
        const z = m + i;
        lp.colCost[z] = costs.weights[i];
        const a = byDemand.start[i];
        const b = byDemand.start[i + 1];
        if (a === b) {
          lp.colUpper[z] = 0; // nothing can cover it
          continue;
        }
        const cols = [z];
        const vals = [1];
        for (let t = a; t < b; t++) {
          cols.push(byDemand.facilityOfPair[byDemand.pair[t]]);
          vals.push(-1);
        }
        lp.addRow(cols, vals, -Infinity, 0);
      }
      addOpenCountRow(lp, problem, totalOpen);
    },
  };
}
