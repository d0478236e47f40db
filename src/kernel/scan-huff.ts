/**
 * The two Huff scans over a slice of queries (DESIGN §3, types.ts): the competitive pressure S_i on
 * each demand point, and each candidate's capture and cannibalisation given S_i.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from './circle-ranges.ts';
import type { PointGrid } from './grid.ts';
import { arcSqFromChordSq, chordSqOfArc } from './sphere.ts';
import type { HuffParams } from './types.ts';

const RAD = Math.PI / 180;

export interface PressureJob {
  /** Outlets. */
  grid: PointGrid;
  /** a_k in the grid's sorted order. */
  weight: Float64Array;
  qLon: Float64Array;
  qLat: Float64Array;
  qOrder: Int32Array;
  params: HuffParams;
  out: Float64Array;
}

/** max(d, floor)^-β from d². */
function inversePower(d2: number, floor2: number, halfBeta: number): number {
  const m = d2 > floor2 ? d2 : floor2;
  return halfBeta === 1 ? 1 / m : Math.pow(m, -halfBeta);
}

export function scanPressure(job: PressureJob, from: number, to: number): void {
  const { grid, weight, qLon, qLat, qOrder, params, out } = job;
  const xyz = grid.xyz;
  const limit = chordSqOfArc(params.cutoff);
  const rho = params.cutoff / EARTH_RADIUS_M;
  const floor2 = params.floor * params.floor, halfBeta = params.beta / 2;
  const ranges = new Int32Array(2 * rangesCapacity(grid));
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
        sum += weight[k] * inversePower(arcSqFromChordSq(c2), floor2, halfBeta);
      }
    }
    out[i] = sum;
  }
}

export interface CandidatesJob {
  /** Demand. */
  grid: PointGrid;
  /** w_i, S_i (total pressure) and O_i (own pressure) in the demand grid's sorted order; own null when all 0. */
  weight: Float64Array;
  total: Float64Array;
  own: Float64Array | null;
  qLon: Float64Array;
  qLat: Float64Array;
  /** a_c of each candidate. */
  qWeight: Float64Array;
  qOrder: Int32Array;
  params: HuffParams;
  capture: Float64Array;
  cannibalisation: Float64Array;
}

export function scanCandidates(job: CandidatesJob, from: number, to: number): void {
  const { grid, weight, total, own, qLon, qLat, qWeight, qOrder, params, capture, cannibalisation } = job;
  const xyz = grid.xyz;
  const limit = chordSqOfArc(params.cutoff);
  const rho = params.cutoff / EARTH_RADIUS_M;
  const floor2 = params.floor * params.floor, halfBeta = params.beta / 2;
  const ranges = new Int32Array(2 * rangesCapacity(grid));
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i], a = qWeight[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { capture[i] = NaN; cannibalisation[i] = NaN; continue; }
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    let captured = 0, lost = 0;
    for (let r = 0; r < count; r++) {
      const end = ranges[2 * r + 1];
      for (let k = ranges[2 * r]; k < end; k++) {
        const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > limit) continue;
        const t = a * inversePower(arcSqFromChordSq(c2), floor2, halfBeta);
        const s = total[k];
        const denominator = s + t;
        if (denominator > 0) captured += (weight[k] * t) / denominator;
        // O_i (1/S_i − 1/(S_i + t)) = O_i t / (S_i (S_i + t)); 0 where S_i = 0.
        if (own !== null && s > 0) lost += (weight[k] * own[k] * t) / (s * denominator);
      }
    }
    capture[i] = captured;
    cannibalisation[i] = lost;
  }
}
