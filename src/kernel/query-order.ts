/**
 * Queries are visited in grid-cell order, so consecutive queries scan the same source slices
 * (cache-warm) and a chunk of queries given to one worker is a compact patch of the map.
 */
import { columnOf, rowOf, type PointGrid } from './grid.ts';
import { heapMemory, type Memory } from './memory.ts';
import type { Points } from './types.ts';

export function spatialOrder(grid: PointGrid, queries: Points, memory: Memory = heapMemory): Int32Array {
  const n = queries.lon.length;
  const cells = grid.nx * grid.ny;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cells + 2);
  for (let i = 0; i < n; i++) {
    const lon = queries.lon[i], lat = queries.lat[i];
    // Non-finite queries go last (cell `cells`); they produce NaN / no result anyway.
    const c = Number.isFinite(lon) && Number.isFinite(lat) ? rowOf(grid, lat) * grid.nx + columnOf(grid, lon) : cells;
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c <= cells; c++) start[c + 1] += start[c];
  const order = memory.i32(n);
  for (let i = 0; i < n; i++) order[start[cellOf[i]]++] = i;
  return order;
}
