/**
 * The two Huff scans over a slice of queries (DESIGN §3, types.ts): the competitive pressure S_i on
 * each demand point, and each candidate's capture and cannibalisation given S_i.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from './circle-ranges.ts';
import type { PointGrid } from './grid.ts';
import { arcSqFromChordSq, chordSqOfArc } from './sphere.ts';
import type { HuffParams } from './types.ts';
import { SIMD_MAX_CHORD_SQ } from './wasm/simd-limits.ts';
import { bindSimd } from './wasm/simd-scans.ts';

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
  // Within ~38 km (every practical cut-off): the SIMD scans (β = 2 needs no power); otherwise the JS loop below.
  const simd = limit <= SIMD_MAX_CHORD_SQ ? bindSimd(grid, [weight], rangesCapacity(grid)) : null;
  const ranges = simd ? simd.ranges : new Int32Array(2 * rangesCapacity(grid));
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { out[i] = NaN; continue; }
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    if (simd) { out[i] = halfBeta === 1 ? simd.pressure(count, qx, qy, qz, limit, floor2) : simd.pressurePower(count, qx, qy, qz, limit, floor2, halfBeta); continue; }
    let sum = 0;
    for (let r = 0; r < count; r++) {
      const begin = ranges[2 * r], end = ranges[2 * r + 1];
      sum += pressureGeneral(xyz, weight, begin, end, qx, qy, qz, limit, floor2, halfBeta);
    }
    out[i] = sum;
  }
}

function pressureGeneral(xyz: Float64Array, weight: Float64Array, begin: number, end: number,
  qx: number, qy: number, qz: number, limit: number, floor2: number, halfBeta: number): number {
  let sum = 0;
  for (let k = begin; k < end; k++) {
    const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
    const c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > limit) continue;
    sum += weight[k] * inversePower(arcSqFromChordSq(c2), floor2, halfBeta);
  }
  return sum;
}

export interface CandidatesJob {
  /** Demand. */
  grid: PointGrid;
  /** w_i and S_i (total pressure) in the demand grid's sorted order. */
  weight: Float64Array;
  total: Float64Array;
  /** w_i·O_i/S_i in sorted order (0 where S_i = 0); null when there is no own pressure. */
  ownShare: Float64Array | null;
  qLon: Float64Array;
  qLat: Float64Array;
  /** a_c of each candidate. */
  qWeight: Float64Array;
  qOrder: Int32Array;
  params: HuffParams;
  capture: Float64Array;
  cannibalisation: Float64Array;
}

/**
 * With t = a·m^-β/2 (m = max(d², floor²)): P = t/(S + t) = a/(a + S·m^β/2), one division, and
 * cannibalisation w·O·(1/S − 1/(S + t)) = (w·O/S)·P.
 */
export function scanCandidates(job: CandidatesJob, from: number, to: number): void {
  const { grid, weight, total, ownShare, qLon, qLat, qWeight, qOrder, params, capture, cannibalisation } = job;
  const xyz = grid.xyz;
  const limit = chordSqOfArc(params.cutoff);
  const rho = params.cutoff / EARTH_RADIUS_M;
  const floor2 = params.floor * params.floor, halfBeta = params.beta / 2;
  const simd = limit <= SIMD_MAX_CHORD_SQ
    ? bindSimd(grid, ownShare ? [weight, total, ownShare] : [weight, total], rangesCapacity(grid)) : null;
  const ranges = simd ? simd.ranges : new Int32Array(2 * rangesCapacity(grid));
  const sums = new Float64Array(2);
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i], a = qWeight[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { capture[i] = NaN; cannibalisation[i] = NaN; continue; }
    capture[i] = 0;
    cannibalisation[i] = 0;
    if (!(a > 0)) continue; // an outlet of no attractiveness draws no one
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    if (simd && halfBeta === 1) {
      capture[i] = simd.capture(count, qx, qy, qz, limit, floor2, a);
      if (ownShare) cannibalisation[i] = simd.captureThird(count, qx, qy, qz, limit, floor2, a);
      continue;
    }
    if (simd) {
      const both = simd.capturePower(count, qx, qy, qz, limit, floor2, a, halfBeta);
      capture[i] = both[0];
      if (ownShare) cannibalisation[i] = both[1];
      continue;
    }
    sums[0] = 0;
    sums[1] = 0;
    for (let r = 0; r < count; r++) {
      const begin = ranges[2 * r], end = ranges[2 * r + 1];
      captureGeneral(xyz, weight, total, ownShare, begin, end, qx, qy, qz, limit, floor2, halfBeta, a, sums);
    }
    capture[i] = sums[0];
    cannibalisation[i] = sums[1];
  }
}

function captureGeneral(xyz: Float64Array, weight: Float64Array, total: Float64Array, ownShare: Float64Array | null,
  begin: number, end: number, qx: number, qy: number, qz: number, limit: number, floor2: number, halfBeta: number,
  a: number, sums: Float64Array): void {
  let captured = 0, lost = 0;
  for (let k = begin; k < end; k++) {
    const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
    const c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > limit) continue;
    const d2 = arcSqFromChordSq(c2);
    const m = d2 > floor2 ? d2 : floor2;
    const p = a / (a + total[k] * (halfBeta === 1 ? m : Math.pow(m, halfBeta)));
    captured += weight[k] * p;
    if (ownShare !== null) lost += ownShare[k] * p;
  }
  sums[0] += captured;
  sums[1] += lost;
}
