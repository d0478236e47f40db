/**
 * The order a forecast visits its sites in: along a Z-order (Morton) curve over the demand grid's
 * cells, so that the TRANSFER_LANES sites of a tile lie close together (their slices nearly the same,
 * see site-transfers.ts) and consecutive scans read the same demand points.
 */
import { columnOf, rowOf, type PointGrid } from '../kernel/grid.ts';

/** Bits 0–15 of v spread to the even bits of the result. */
function spread(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/** Site indices in Z-order of the grid cell each falls in (sites off the grid: its nearest edge cell). */
export function siteOrder(grid: PointGrid, lon: Float64Array, lat: Float64Array): Uint32Array {
  const key = new Float64Array(lon.length);
  for (let c = 0; c < lon.length; c++) {
    const x = Number.isFinite(lon[c]) ? columnOf(grid, lon[c]) : 0, y = Number.isFinite(lat[c]) ? rowOf(grid, lat[c]) : 0;
    // Grids wider than 2^16 cells fold over: the order is then only coarser, never wrong.
    key[c] = spread(x) + 2 * spread(y);
  }
  return Uint32Array.from({ length: lon.length }, (_, c) => c).sort((a, b) => key[a] - key[b] || a - b);
}
