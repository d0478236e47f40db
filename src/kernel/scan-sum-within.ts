/**
 * sumWithin over a slice of queries: Σ w_j · f(d_ij) for sources within the radius. Pure function
 * of typed arrays, shared by the single-thread kernel and every worker.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from './circle-ranges.ts';
import type { PointGrid } from './grid.ts';
import { arcFromChordSq, arcSqFromChordSq, chordSqOfArc } from './sphere.ts';
import type { Decay } from './types.ts';

const RAD = Math.PI / 180;

export interface SumWithinJob {
  grid: PointGrid;
  /** Source weights in the grid's sorted order. */
  weight: Float64Array;
  qLon: Float64Array;
  qLat: Float64Array;
  qOrder: Int32Array;
  radius: number;
  decay: Decay;
  out: Float64Array;
}

/** f(d) of DESIGN §3 for one distance (metres). */
export function decayWeight(decay: Decay, d: number, radius: number): number {
  switch (decay.kind) {
    case 'uniform': return 1;
    case 'exponential': return Math.exp(-d / decay.lambda);
    case 'power': return Math.pow(Math.max(d, decay.floor), -decay.beta);
    case 'linear': return radius > 0 ? 1 - d / radius : 1;
    case 'gaussian': return Math.exp(-(d * d) / (2 * decay.sigma * decay.sigma));
  }
}

export function scanSumWithin(job: SumWithinJob, from: number, to: number): void {
  const { grid, weight, qLon, qLat, qOrder, radius, decay, out } = job;
  const xyz = grid.xyz;
  const limit = chordSqOfArc(radius);
  const rho = radius / EARTH_RADIUS_M;
  const ranges = new Int32Array(2 * rangesCapacity(grid));
  const kind = decay.kind;
  const invLambda = decay.kind === 'exponential' ? 1 / decay.lambda : 0;
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { out[i] = NaN; continue; }
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    let sum = 0;
    for (let r = 0; r < count; r++) {
      const end = ranges[2 * r + 1];
      for (let k = ranges[2 * r]; k < end; k++) {
        const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > limit) continue;
        if (kind === 'uniform') sum += weight[k];
        else if (kind === 'exponential') sum += weight[k] * Math.exp(-arcFromChordSq(c2) * invLambda);
        else if (kind === 'gaussian' || (kind === 'power' && decay.beta === 2)) {
          sum += weight[k] * decaySq(decay, arcSqFromChordSq(c2));
        } else sum += weight[k] * decayWeight(decay, arcFromChordSq(c2), radius);
      }
    }
    out[i] = sum;
  }
}

/** f from the squared distance, for the decays that need no square root. */
function decaySq(decay: Decay, d2: number): number {
  if (decay.kind === 'gaussian') return Math.exp(-d2 / (2 * decay.sigma * decay.sigma));
  if (decay.kind === 'power') return 1 / Math.max(d2, decay.floor * decay.floor);
  return 1;
}
