/**
 * The channel-mix MILP. Columns: y[j·T + t] (candidate j opens as type t; binary), then
 * x[m·T + i·T + t] (demand i is served at type t's value; continuous, integral once y is).
 *   max Σ_i Σ_t w_i a_t x_it
 *   s.t. Σ_t x_it <= 1                                   (each point counts once, at its best type)
 *        x_it <= Σ_{j: d_ij <= r_t} y_jt                 (dropped where an own outlet of type t reaches i)
 *        Σ_t y_jt <= 1                                   (one outlet per site)
 *        Σ_j Σ_t c_t y_jt <= budget
 *        the mix rules' rows (mix-rules.ts).
 */
import type { ChannelMixProblem } from './channel-mix-problem.ts';
import type { LpBuilder } from './lp-builder.ts';
import type { MilpModel } from './milp-common.ts';
import { optionAllowed, type MixRow } from './mix-rules.ts';
import { pairsByDemand } from './pairs-by-demand.ts';

export function channelMixModel(problem: ChannelMixProblem, rows: readonly MixRow[]): MilpModel {
  const { costs, types } = problem;
  const { n, m } = costs;
  const T = types.length;
  const maxRadius = Math.max(...types.map((t) => t.radius));
  return {
    maximise: true,
    numCols: m * T + n * T,
    build(lp: LpBuilder) {
      for (let j = 0; j < m; j++) {
        for (let t = 0; t < T; t++) {
          lp.setInteger(j * T + t);
          if (!optionAllowed(problem, j, t)) lp.colUpper[j * T + t] = 0;
        }
      }
      const byDemand = pairsByDemand(costs, maxRadius);
      for (let i = 0; i < n; i++) {
        const xs: number[] = [];
        for (let t = 0; t < T; t++) {
          const x = m * T + i * T + t;
          xs.push(x);
          lp.colCost[x] = costs.weights[i] * types[t].value;
          const cols = [x];
          const vals = [1];
          let reachedByOwn = false;
          for (let s = byDemand.start[i]; s < byDemand.start[i + 1]; s++) {
            const k = byDemand.pair[s];
            if (costs.cost[k] > types[t].radius) continue;
            const j = byDemand.facilityOfPair[k];
            if (problem.existingType[j] === t) reachedByOwn = true;
            else if (optionAllowed(problem, j, t)) {
              cols.push(j * T + t);
              vals.push(-1);
            }
          }
          if (reachedByOwn) continue;
          if (cols.length === 1) lp.colUpper[x] = 0;
          else lp.addRow(cols, vals, -Infinity, 0);
        }
        lp.addRow(xs, new Float64Array(T).fill(1), -Infinity, 1);
      }
      const budgetCols: number[] = [];
      const budgetVals: number[] = [];
      for (let j = 0; j < m; j++) {
        const cols: number[] = [];
        for (let t = 0; t < T; t++) {
          if (!optionAllowed(problem, j, t)) continue;
          cols.push(j * T + t);
          budgetCols.push(j * T + t);
          budgetVals.push(types[t].cost);
        }
        if (cols.length > 1) lp.addRow(cols, new Float64Array(cols.length).fill(1), -Infinity, 1);
      }
      lp.addRow(budgetCols, budgetVals, -Infinity, problem.budget);
      for (const row of rows) lp.addRow(row.cols, row.vals, row.lower, row.upper);
    },
  };
}
