/**
 * The Huff probabilities written out pair by pair: P_ij for every demand point and outlet. O(n·m),
 * for explaining one site (probability surfaces, trade areas) and as the reference the kernel path
 * is tested against; scoring many sites goes through the kernel (huff.ts).
 */
import { haversine } from '../geo/haversine.ts';
import type { Points, WeightedPoints } from '../kernel/types.ts';
import type { HuffModel } from './huff.ts';

/** Row-major n_demand × n_outlets; a row is all 0 where no outlet lies within the cut-off. */
export function huffProbabilities(demand: Points, outlets: WeightedPoints, model: HuffModel): Float64Array {
  const n = demand.lon.length;
  const m = outlets.lon.length;
  const p = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < m; j++) {
      const d = haversine(demand.lon[i], demand.lat[i], outlets.lon[j], outlets.lat[j]);
      if (!(d <= model.cutoff)) continue;
      const u = outlets.weight[j] ** model.alpha * Math.max(d, model.floor) ** -model.beta;
      p[i * m + j] = u;
      total += u;
    }
    if (total > 0) for (let j = 0; j < m; j++) p[i * m + j] /= total;
  }
  return p;
}

/** Captured demand per outlet: Σ_i w_i P_ij. */
export function huffCaptures(demand: WeightedPoints, outlets: WeightedPoints, model: HuffModel): Float64Array {
  const m = outlets.lon.length;
  const p = huffProbabilities(demand, outlets, model);
  const capture = new Float64Array(m);
  for (let i = 0; i < demand.lon.length; i++) for (let j = 0; j < m; j++) capture[j] += demand.weight[i] * p[i * m + j];
  return capture;
}
