/**
 * Brute-force reference of the SiteKernel: every pair, the plain haversine formula, no index.
 * Slow and obviously right; the kernels must agree with it.
 */
import { haversine } from '../../src/geo/haversine.ts';
import { decayWeight } from '../../src/kernel/scan-sum-within.ts';
import type { Decay, HuffParams, Points, WeightedPoints } from '../../src/kernel/types.ts';

export function referenceSumWithin(q: Points, s: WeightedPoints, radius: number, decay: Decay): Float64Array {
  return q.lon.map((_, i) => {
    let sum = 0;
    for (let j = 0; j < s.lon.length; j++) {
      const d = haversine(q.lon[i], q.lat[i], s.lon[j], s.lat[j]);
      if (d <= radius) sum += s.weight[j] * decayWeight(decay, d, radius);
    }
    return sum;
  });
}

export function referenceNearest(q: Points, s: Points): Float64Array {
  return q.lon.map((_, i) => {
    let best = Infinity;
    for (let j = 0; j < s.lon.length; j++) best = Math.min(best, haversine(q.lon[i], q.lat[i], s.lon[j], s.lat[j]));
    return best;
  });
}

export function referencePressure(demand: Points, outlets: WeightedPoints, p: HuffParams): Float64Array {
  return demand.lon.map((_, i) => {
    let sum = 0;
    for (let k = 0; k < outlets.lon.length; k++) {
      const d = haversine(demand.lon[i], demand.lat[i], outlets.lon[k], outlets.lat[k]);
      if (d <= p.cutoff) sum += outlets.weight[k] * Math.max(d, p.floor) ** -p.beta;
    }
    return sum;
  });
}

export function referenceCandidates(c: WeightedPoints, demand: WeightedPoints, total: Float64Array, own: Float64Array, p: HuffParams) {
  const capture = new Float64Array(c.lon.length), cannibalisation = new Float64Array(c.lon.length);
  for (let j = 0; j < c.lon.length; j++) {
    for (let i = 0; i < demand.lon.length; i++) {
      const d = haversine(c.lon[j], c.lat[j], demand.lon[i], demand.lat[i]);
      if (d > p.cutoff) continue;
      const t = c.weight[j] * Math.max(d, p.floor) ** -p.beta;
      if (total[i] + t > 0) capture[j] += (demand.weight[i] * t) / (total[i] + t);
      if (total[i] > 0) cannibalisation[j] += demand.weight[i] * own[i] * (1 / total[i] - 1 / (total[i] + t));
    }
  }
  return { capture, cannibalisation };
}
