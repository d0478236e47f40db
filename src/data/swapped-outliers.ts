/**
 * Lat/lon swaps that stay inside ±90/±180 (lon 38.9, lat −77.0 for a DC point) are caught by
 * position: a point far from the rest of the file whose swapped position lies among them.
 */
import { haversine } from '../geo/haversine.ts';

const FAR_M = 1_000_000;
const NEAR_M = 100_000;
/** Fewer suspect rows than this: no median to judge by. */
export const SWAP_MIN_ROWS = 5;

/** The median is taken over every step-th of `count` rows: an even sample of at most 10 001. */
export function medianStep(count: number): number {
  return Math.max(1, Math.floor(count / 10000));
}

/** The median of a sample (sorted in place). */
export function sampleMedian(sample: Float64Array): number {
  sample.sort();
  return sample[sample.length >> 1];
}

function medianOf(values: Float64Array, rows: number[]): number {
  const step = medianStep(rows.length);
  const s = new Float64Array(Math.ceil(rows.length / step));
  for (let i = 0, k = 0; i < rows.length; i += step, k++) s[k] = values[rows[i]];
  return sampleMedian(s);
}

/** A point far from the median position (mLon, mLat) whose swapped position lies near it. */
export function looksSwapped(lon: number, lat: number, mLon: number, mLat: number): boolean {
  if (Math.abs(lon) > 90) return false; // swapped, it would not be a latitude
  return haversine(lon, lat, mLon, mLat) > FAR_M && haversine(lat, lon, mLon, mLat) < NEAR_M;
}

/** Rows (from `rows`) whose lon/lat look swapped relative to the file's median position. */
export function findSwappedOutliers(lon: Float64Array, lat: Float64Array, rows: number[]): number[] {
  if (rows.length < SWAP_MIN_ROWS) return [];
  const mLon = medianOf(lon, rows);
  const mLat = medianOf(lat, rows);
  return rows.filter((r) => looksSwapped(lon[r], lat[r], mLon, mLat));
}
