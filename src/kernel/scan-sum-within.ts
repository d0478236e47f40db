/**
 * sumWithin over a slice of queries: Σ w_j · f(d_ij) for sources within the radius. Pure function
 * of typed arrays, shared by the single-thread kernel and every worker.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from './circle-ranges.ts';
import { EXP_COARSE, EXP_FINE, EXP_MAX, EXP_STEPS, INV_STEPS } from './exp-table.ts';
import type { PointGrid } from './grid.ts';
import { arcFromChordSq, arcSqFromChordSq, chordSqOfArc } from './sphere.ts';
import type { Decay } from './types.ts';
import { SIMD_MAX_CHORD_SQ } from './wasm/simd-limits.ts';
import { bindSimd, type SimdBinding } from './wasm/simd-scans.ts';

const RAD = Math.PI / 180;
const TWO_R = 2 * EARTH_RADIUS_M;

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
  const invLambda = decay.kind === 'exponential' ? 1 / decay.lambda : 0;
  // The inlined arc series (4 terms) is exact to double precision only up to u = 1e-6 (~12.7 km).
  const inlineExp = 0.25 * limit <= 1e-6;
  // Every decay but power with β ≠ 2 has a SIMD scan; all but uniform need the arc series' range.
  const simdDecay = (decay.kind !== 'power' || decay.beta === 2) && (decay.kind === 'uniform' || limit <= SIMD_MAX_CHORD_SQ);
  const simd = simdDecay ? bindSimd(grid, [weight], rangesCapacity(grid)) : null;
  const ranges = simd ? simd.ranges : new Int32Array(2 * rangesCapacity(grid));
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { out[i] = NaN; continue; }
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    if (simd) {
      out[i] = simdSum(simd, decay, count, qx, qy, qz, limit, radius);
      continue;
    }
    let sum = 0;
    for (let r = 0; r < count; r++) {
      const begin = ranges[2 * r], end = ranges[2 * r + 1];
      if (decay.kind === 'uniform') sum += sliceUniform(xyz, weight, begin, end, qx, qy, qz, limit);
      else if (decay.kind === 'exponential' && inlineExp) sum += sliceExponential(xyz, weight, begin, end, qx, qy, qz, limit, invLambda);
      else sum += sliceGeneral(xyz, weight, begin, end, qx, qy, qz, limit, decay, radius);
    }
    out[i] = sum;
  }
}

/** One query's sum by the SIMD scan of its decay (uniform, exponential, Gaussian, linear, power with β = 2). */
function simdSum(simd: SimdBinding, decay: Decay, count: number, qx: number, qy: number, qz: number, limit: number, radius: number): number {
  switch (decay.kind) {
    case 'uniform': return simd.sumUniform(count, qx, qy, qz, limit);
    case 'exponential': return simd.sumExponential(count, qx, qy, qz, limit, 1 / decay.lambda);
    case 'gaussian': return simd.sumGaussian(count, qx, qy, qz, limit, 1 / (2 * decay.sigma * decay.sigma));
    case 'linear': return radius > 0 ? simd.sumLinear(count, qx, qy, qz, limit, 1 / radius) : simd.sumUniform(count, qx, qy, qz, limit);
    case 'power': return simd.pressure(count, qx, qy, qz, limit, decay.floor * decay.floor);
  }
}

function sliceUniform(xyz: Float64Array, weight: Float64Array, begin: number, end: number,
  qx: number, qy: number, qz: number, limit: number): number {
  let sum = 0;
  for (let k = begin; k < end; k++) {
    const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
    if (dx * dx + dy * dy + dz * dz <= limit) sum += weight[k];
  }
  return sum;
}

function sliceExponential(xyz: Float64Array, weight: Float64Array, begin: number, end: number,
  qx: number, qy: number, qz: number, limit: number, invLambda: number): number {
  const coarse = EXP_COARSE, fine = EXP_FINE, expMax = EXP_MAX, steps = EXP_STEPS, invSteps = INV_STEPS, twoR = TWO_R;
  let sum = 0;
  for (let k = begin; k < end; k++) {
    const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
    const c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > limit) continue;
    // arcFromChordSq and expNeg (exp-table.ts) by hand: inlined, this loop runs about twice as fast.
    const u = 0.25 * c2;
    const x = twoR * Math.sqrt(u) * (1 + u * (1 / 6 + u * (3 / 40 + u * (5 / 112)))) * invLambda;
    if (x < expMax) {
      const s = x * steps, j = s | 0, r = (s - j) * invSteps, r2 = r * r;
      sum += weight[k] * coarse[j >> 5] * fine[j & 31] * ((1 - r) + r2 * (1 / 2 - r * (1 / 6)) + r2 * r2 * (1 / 24 - r * (1 / 120)));
    } else sum += weight[k] * Math.exp(-x);
  }
  return sum;
}

function sliceGeneral(xyz: Float64Array, weight: Float64Array, begin: number, end: number,
  qx: number, qy: number, qz: number, limit: number, decay: Decay, radius: number): number {
  let sum = 0;
  for (let k = begin; k < end; k++) {
    const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
    const c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > limit) continue;
    if (decay.kind === 'gaussian' || (decay.kind === 'power' && decay.beta === 2)) sum += weight[k] * decaySq(decay, arcSqFromChordSq(c2));
    else sum += weight[k] * decayWeight(decay, arcFromChordSq(c2), radius);
  }
  return sum;
}

/** f from the squared distance, for the decays that need no square root. */
function decaySq(decay: Decay, d2: number): number {
  if (decay.kind === 'gaussian') return Math.exp(-d2 / (2 * decay.sigma * decay.sigma));
  if (decay.kind === 'power') return 1 / Math.max(d2, decay.floor * decay.floor);
  return 1;
}
