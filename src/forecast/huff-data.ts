/**
 * From points and columns to the pairs a calibration iterates on: the demand grid (the kernel's
 * index), demand weights in its sorted order, own and competitor pairs within the cut-off (competitor
 * pairs only where an own outlet reaches: elsewhere no own total depends on them), log A and the
 * attributes as log(x/ḡ).
 */
import { buildGrid, gatherSorted, type PointGrid } from '../kernel/grid.ts';
import type { WeightedPoints } from '../kernel/types.ts';
import { groupDemand } from './demand-cells.ts';
import type { HuffData } from './huff-pass.ts';
import type { ModelShape } from './model.ts';
import { outletPairs } from './outlet-pairs.ts';

/** The arrays door's input: own outlets' and competitors' `weight` is the scenario's attractiveness A. */
export interface ForecastPoints {
  demand: WeightedPoints;
  own: WeightedPoints;
  competitors: WeightedPoints;
  /** Own-outlet attribute columns by name (any positive unit). */
  attributes: Record<string, Float64Array>;
}

export interface PreparedHuff {
  grid: PointGrid;
  data: HuffData;
  /** With demand grouped into cells: the cell (index into the grid's points) of each demand point, −1 if left out. */
  cellOf?: Int32Array;
}

/** log(x/ḡ) per own outlet and attribute, m × K; a missing or non-positive x counts as typical (0). */
export function attributeLogs(shape: ModelShape, attributes: Record<string, Float64Array>, means: Record<string, number>, m: number): Float64Array {
  const K = shape.attributes.length;
  const z = new Float64Array(m * K);
  shape.attributes.forEach((name, q) => {
    const column = attributes[name];
    for (let j = 0; j < m; j++) {
      const x = column[j];
      z[j * K + q] = x > 0 && Number.isFinite(x) ? Math.log(x / means[name]) : 0;
    }
  });
  return z;
}

/** Competitors of no attractiveness draw no one: they are left out. */
export function positiveOnly(points: WeightedPoints): WeightedPoints {
  const keep: number[] = [];
  points.weight.forEach((a, i) => { if (a > 0 && Number.isFinite(a)) keep.push(i); });
  if (keep.length === points.weight.length) return points;
  const pick = (v: Float64Array) => Float64Array.from(keep, (i) => v[i]);
  return { lon: pick(points.lon), lat: pick(points.lat), weight: pick(points.weight) };
}

/**
 * `cellMetres` > 0 groups demand into cells of that side first (demand-cells.ts); a forecast uses
 * the grouping its calibration was fitted on. `forForecast`: competitor pairs on all demand with
 * weight, since a new site may reach demand that no own outlet does.
 */
export function prepareHuff(points: ForecastPoints, shape: ModelShape, means: Record<string, number>, options: { cellMetres?: number; forForecast?: boolean; signal?: AbortSignal } = {}): PreparedHuff {
  const { signal } = options;
  const grouped = options.cellMetres ? groupDemand(points.demand, options.cellMetres) : undefined;
  const demand = grouped ?? points.demand;
  const grid = buildGrid(demand);
  const weight = gatherSorted(grid, demand.weight).map((w) => (w > 0 && Number.isFinite(w) ? w : 0));
  const wanted = Uint8Array.from(weight, (w) => (w > 0 ? 1 : 0));
  const own = outletPairs(grid, points.own, shape.cutoff, shape.floor, shape.decay, wanted, signal);
  const reached = Uint8Array.from(wanted, (_, k) => (own.start[k + 1] > own.start[k] ? 1 : 0));
  const rivals = positiveOnly(points.competitors);
  const competitors = outletPairs(grid, rivals, shape.cutoff, shape.floor, shape.decay, options.forForecast ? wanted : reached, signal);
  const m = points.own.lon.length;
  return {
    grid,
    ...(grouped ? { cellOf: grouped.cellOf } : {}),
    data: {
      weight,
      own,
      competitors,
      ownLogA: points.own.weight.map((a) => Math.log(a)),
      competitorLogA: rivals.weight.map((a) => Math.log(a)),
      ownZ: attributeLogs(shape, points.attributes, means, m),
    },
  };
}
