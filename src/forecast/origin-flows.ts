/**
 * Origin-level observations for the flows likelihood: customers counted by home (a demand point) and
 * outlet (an own outlet). Each own pair within the cut-off is one Poisson observation,
 * n_ij ~ Poisson(s · w_i · P_ij); a pair the table does not list counts 0 customers (the table lists
 * every origin that sends any), so both where customers come from and where they do not inform β.
 */
import type { PreparedHuff } from './huff-data.ts';

export interface OriginFlows {
  /** Demand point of each row (index into the demand arrays). */
  origin: Int32Array;
  /** Own outlet of each row (index into the own arrays). */
  outlet: Int32Array;
  count: Float64Array;
}

/** Each own outlet's customers over all its rows; NaN for an outlet the table never names (not observed, not 0). */
export function flowTotals(flows: OriginFlows, outlets: number): Float64Array {
  const total = new Float64Array(outlets).fill(NaN);
  flows.outlet.forEach((j, r) => { total[j] = (Number.isNaN(total[j]) ? 0 : total[j]) + flows.count[r]; });
  return total;
}

export interface FlowObservations {
  /** Customers of each own pair, in the order of the prepared own pairs. */
  y: Float64Array;
  /** Own outlet of each pair. */
  outletOf: Int32Array;
  /** Per outlet: its customers from within the cut-off (what the model can explain). */
  within: Float64Array;
  /** Customers (and rows) from beyond the cut-off or from origins of no demand weight: left out. */
  outside: number;
  outsideRows: number;
}

/**
 * With demand grouped into cells (prepared.cellOf), the rows of the origins in one cell add up to
 * that cell's observation: a sum of Poisson counts is Poisson with the summed mean, which the model
 * gives at the cell's weighted centroid (the same approximation, and bound, as the totals fit:
 * demand-cells.ts).
 */
export function flowObservations(prepared: PreparedHuff, flows: OriginFlows, outlets: number): FlowObservations {
  const { grid, data, cellOf } = prepared;
  const sortedOf = new Int32Array(grid.order.length).fill(-1);
  grid.order.forEach((i, k) => { sortedOf[i] = k; });
  const { start, outlet } = data.own;
  const y = new Float64Array(outlet.length);
  const within = new Float64Array(outlets);
  let outside = 0, outsideRows = 0;
  for (let r = 0; r < flows.origin.length; r++) {
    const point = cellOf ? cellOf[flows.origin[r]] : flows.origin[r];
    const k = point >= 0 ? sortedOf[point] : -1, j = flows.outlet[r];
    let at = -1;
    if (k >= 0) for (let t = start[k]; t < start[k + 1] && at < 0; t++) if (outlet[t] === j) at = t;
    if (at < 0) { outside += flows.count[r]; outsideRows++; continue; }
    y[at] += flows.count[r];
    within[j] += flows.count[r];
  }
  return { y, outletOf: outlet, within, outside, outsideRows };
}
