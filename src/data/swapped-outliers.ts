/**
 * Lat/lon swaps that stay inside ±90/±180 (lon 38.9, lat −77.0 for a DC point) are caught by
 * position: a point far from the rest of the file whose swapped position lies among them.
 */
import { haversine } from '../geo/haversine.ts';

const FAR_M = 1_000_000;
const NEAR_M = 100_000;
const MIN_ROWS = 5;

/** Median over an even sample of at most 10 001 rows: plenty to say where the file lies. */
function medianOf(values: Float64Array, rows: number[]): number {
  const step = Math.max(1, Math.floor(rows.length / 10000));
  const s = new Float64Array(Math.ceil(rows.length / step));
  for (let i = 0, k = 0; i < rows.length; i += step, k++) s[k] = values[rows[i]];
  s.sort();
  return s[s.length >> 1];
}

/** Rows (from `rows`) whose lon/lat look swapped relative to the file's median position. */
export function findSwappedOutliers(lon: Float64Array, lat: Float64Array, rows: number[]): number[] {
  if (rows.length < MIN_ROWS) return [];
  const mLon = medianOf(lon, rows);
  const mLat = medianOf(lat, rows);
  const out: number[] = [];
  for (const r of rows) {
    if (Math.abs(lon[r]) > 90) continue; // swapped, it would not be a latitude
    if (haversine(lon[r], lat[r], mLon, mLat) > FAR_M && haversine(lat[r], lon[r], mLon, mLat) < NEAR_M) out.push(r);
  }
  return out;
}
