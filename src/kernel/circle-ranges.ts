/**
 * The sorted-index slices of a grid that can hold points within an arc of `rho` radians of a
 * query: per grid row, only the columns that the circle reaches in that row's latitude band
 * (an upper bound of its longitude half-width, widened by a hair so rounding never drops a boundary point).
 */
import type { PointGrid } from './grid.ts';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;
/**
 * Widening of every band, radians (~0.6 m): far below any cell, and above the error of the band's
 * half-width where it is near 0 (cos Δλ within an ulp of 1 leaves Δλ uncertain by ~2e-8).
 */
const MARGIN = 1e-7;

/** Room `ranges` needs for any query on this grid: two slices per row (antimeridian split). */
export function rangesCapacity(grid: PointGrid): number {
  return 4 * grid.ny + 4;
}

/**
 * An upper bound of acos(c) without a library call: √(2(1−c))·(1 + (1−c)/6) ≥ acos(c) on [0, 1]
 * (equal at 1, 5 % wide at 0; for the half-widths of city-sized circles, about 1e-7 relative).
 */
export function acosUpper(c: number): number {
  if (c < 0) return Math.acos(c);
  const e = 1 - c;
  return Math.sqrt(2 * e) * (1 + e / 6);
}

/**
 * Writes [start, end) pairs into `ranges` and returns how many pairs. `rho` ≥ π/4 scans whole
 * rows (the circle is then no longer convex in lon/lat and this is rare).
 */
export function circleRanges(grid: PointGrid, lonDeg: number, latDeg: number, rho: number, ranges: Int32Array): number {
  const { nx, ny, cellStart, edgeSin, edgeCos } = grid;
  if (!(rho >= 0) || !Number.isFinite(lonDeg) || !Number.isFinite(latDeg)) return 0;
  const latLo = latDeg - (rho + MARGIN) * DEG;
  const latHi = latDeg + (rho + MARGIN) * DEG;
  const r0 = Math.floor((latLo - grid.lat0) / grid.cellLat);
  const r1 = Math.floor((latHi - grid.lat0) / grid.cellLat);
  if (r1 < 0 || r0 >= ny) return 0;
  const rowFrom = Math.max(r0, 0), rowTo = Math.min(r1, ny - 1);
  const phi0 = latDeg * RAD;
  const sin0 = Math.sin(phi0), cos0 = Math.cos(phi0), cosRho = Math.cos(rho);
  const wide = rho >= Math.PI / 4 || latHi >= 90 || latLo <= -90 || cos0 < 1e-12;
  // The latitude where the circle is widest in longitude (where it touches a meridian). In a row
  // that holds it the half-width is there; otherwise at the row edge nearer to it, whose sin and
  // cos the grid keeps.
  const sinWidest = wide ? 0 : Math.min(1, Math.max(-1, sin0 / cosRho));
  const cosWidest = Math.sqrt(1 - sinWidest * sinWidest);
  const widestDeg = Math.asin(sinWidest) * DEG;
  let count = 0;
  for (let row = rowFrom; row <= rowTo; row++) {
    let halfWidth = Math.PI;
    if (!wide) {
      let s = sinWidest, c = cosWidest;
      if (widestDeg < grid.lat0 + row * grid.cellLat) { s = edgeSin[row]; c = edgeCos[row]; }
      else if (widestDeg > grid.lat0 + (row + 1) * grid.cellLat) { s = edgeSin[row + 1]; c = edgeCos[row + 1]; }
      const denominator = c * cos0;
      const cosHalf = denominator > 1e-15 ? (cosRho - s * sin0) / denominator : -1;
      halfWidth = cosHalf <= -1 ? Math.PI : cosHalf >= 1 ? MARGIN : acosUpper(cosHalf) + MARGIN;
    }
    const base = row * nx;
    if (halfWidth >= Math.PI) {
      count = push(ranges, count, cellStart[base], cellStart[base + nx]);
      continue;
    }
    const lo = lonDeg - halfWidth * DEG, hi = lonDeg + halfWidth * DEG;
    count = pushColumns(grid, base, lo, hi, ranges, count);
    // Across the antimeridian the same circle also reaches the other end of the grid.
    if (lo < -180) count = pushColumns(grid, base, lo + 360, hi + 360, ranges, count);
    if (hi > 180) count = pushColumns(grid, base, lo - 360, hi - 360, ranges, count);
  }
  return count;
}

function pushColumns(grid: PointGrid, base: number, lo: number, hi: number, ranges: Int32Array, count: number): number {
  const c0 = Math.floor((lo - grid.lon0) / grid.cellLon);
  const c1 = Math.floor((hi - grid.lon0) / grid.cellLon);
  if (c1 < 0 || c0 >= grid.nx) return count;
  const from = grid.cellStart[base + Math.max(c0, 0)];
  const to = grid.cellStart[base + Math.min(c1, grid.nx - 1) + 1];
  return push(ranges, count, from, to);
}

function push(ranges: Int32Array, count: number, from: number, to: number): number {
  if (to <= from) return count;
  ranges[2 * count] = from;
  ranges[2 * count + 1] = to;
  return count + 1;
}
