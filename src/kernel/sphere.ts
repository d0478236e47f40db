/**
 * Unit-sphere geometry for the kernels. Points become 3-D unit vectors once; a pair is then tested
 * by its squared chord length (no trigonometry), and the arc (haversine) distance is recovered from
 * the chord only when a value needs it: d = 2R·asin(c/2).
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';

const RAD = Math.PI / 180;

/** Squared chord length on the unit sphere of an arc of `metres` (≥ πR: the whole sphere, 4). */
export function chordSqOfArc(metres: number): number {
  if (!(metres >= 0)) return -1;
  if (metres >= Math.PI * EARTH_RADIUS_M) return 4;
  const half = Math.sin(metres / (2 * EARTH_RADIUS_M));
  return 4 * half * half;
}

/**
 * Largest u = (c/2)² for which the four-term series of asin² below is exact to double precision:
 * the first omitted term, (128/1575)·u⁵, is then < 1e-17 of u. u = 1e-4 is an arc of ~127 km.
 */
export const SERIES_MAX_U = 1e-4;

/**
 * Squared arc length in metres from a squared unit chord c², by asin²(x) = x² + x⁴/3 + 8x⁶/45 + 4x⁸/35 + …
 * (x = c/2), valid while u = c²/4 ≤ SERIES_MAX_U; beyond that it falls back to Math.asin.
 */
export function arcSqFromChordSq(chordSq: number): number {
  const u = 0.25 * chordSq;
  if (u <= SERIES_MAX_U) {
    return FOUR_R2 * u * (1 + u * (1 / 3 + u * (8 / 45 + u * (4 / 35))));
  }
  const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(u)));
  return d * d;
}

/** Arc length in metres from a squared unit chord: asin(x) = x(1 + x²/6 + 3x⁴/40 + 5x⁶/112 + …). */
export function arcFromChordSq(chordSq: number): number {
  const u = 0.25 * chordSq;
  const x = Math.sqrt(u);
  if (u <= SERIES_MAX_U) {
    return 2 * EARTH_RADIUS_M * x * (1 + u * (1 / 6 + u * (3 / 40 + u * (5 / 112 + u * (35 / 1152)))));
  }
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, x));
}

export const FOUR_R2 = 4 * EARTH_RADIUS_M * EARTH_RADIUS_M;

/** Unit vectors of lon/lat degrees, written to x, y, z at the same index. */
export function unitVector(lonDeg: number, latDeg: number, out: Float64Array, offset: number): void {
  const lon = lonDeg * RAD;
  const lat = latDeg * RAD;
  const c = Math.cos(lat);
  out[offset] = c * Math.cos(lon);
  out[offset + 1] = c * Math.sin(lon);
  out[offset + 2] = Math.sin(lat);
}
