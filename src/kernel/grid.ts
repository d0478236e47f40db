/**
 * A flat lon/lat grid over a point set: points sorted by cell (row-major), their unit vectors stored
 * contiguously in that order. The columns of one grid row are then one contiguous index range, so
 * a circle query scans a few contiguous slices (see circle-ranges.ts) instead of chasing cells.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { heapMemory, type Memory } from './memory.ts';
import { unitVector } from './sphere.ts';
import type { Points } from './types.ts';

const DEG_PER_M = 180 / (Math.PI * EARTH_RADIUS_M);

export interface PointGrid {
  /** Grid origin and cell size, degrees. */
  lon0: number;
  lat0: number;
  cellLon: number;
  cellLat: number;
  /** Cell height in metres (the lat step). */
  cellMetres: number;
  nx: number;
  ny: number;
  /** Points of cell c are the sorted indices cellStart[c] … cellStart[c+1]-1. */
  cellStart: Int32Array;
  /** sorted index → index in the input (points with non-finite coordinates are left out). */
  order: Int32Array;
  /** Unit vectors in sorted order, interleaved x, y, z. */
  xyz: Float64Array;
  /** sin and cos of the latitude of every row edge (ny + 1): circle queries need no trigonometry per row. */
  edgeSin: Float64Array;
  edgeCos: Float64Array;
}


/** Cell size for a point set: about `perCell` points per cell on average over the bounding box. */
function chooseCellMetres(areaM2: number, n: number, perCell: number): number {
  const side = Math.sqrt((areaM2 / Math.max(n, 1)) * perCell);
  return Math.min(Math.max(side, 25), 200_000);
}

export function buildGrid(points: Points, memory: Memory = heapMemory, perCell = 8): PointGrid {
  const { lon, lat } = points;
  let lonMin = Infinity, lonMax = -Infinity, latMin = Infinity, latMax = -Infinity, valid = 0;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i], y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    valid++;
    if (x < lonMin) lonMin = x;
    if (x > lonMax) lonMax = x;
    if (y < latMin) latMin = y;
    if (y > latMax) latMax = y;
  }
  if (valid === 0) { lonMin = lonMax = latMin = latMax = 0; }
  const maxAbsLat = Math.min(Math.max(Math.abs(latMin), Math.abs(latMax)), 89);
  const lonScale = 1 / Math.cos((maxAbsLat * Math.PI) / 180);
  const widthM = (lonMax - lonMin) / DEG_PER_M / lonScale;
  const heightM = (latMax - latMin) / DEG_PER_M;
  let cellMetres = chooseCellMetres(Math.max(widthM, 1) * Math.max(heightM, 1), valid, perCell);
  // Keep the cell table within a few times the point count, whatever the spread.
  const maxCells = Math.max(1024, 4 * valid);
  for (;;) {
    const cells = (Math.floor(widthM / cellMetres) + 1) * (Math.floor(heightM / cellMetres) + 1);
    if (cells <= maxCells) break;
    cellMetres *= 1.5;
  }
  const cellLat = cellMetres * DEG_PER_M;
  const cellLon = cellLat * lonScale;
  const nx = Math.floor((lonMax - lonMin) / cellLon) + 1;
  const ny = Math.floor((latMax - latMin) / cellLat) + 1;
  const grid = { lon0: lonMin, lat0: latMin, cellLon, cellLat, cellMetres, nx, ny };

  // Counting sort by cell.
  const cellOf = new Int32Array(lon.length);
  const cellStart = memory.i32(nx * ny + 1);
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i], y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) { cellOf[i] = -1; continue; }
    const c = cellIndex(grid, x, y);
    cellOf[i] = c;
    cellStart[c + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, nx * ny);
  const order = memory.i32(valid);
  const xyz = memory.f64(3 * valid);
  for (let i = 0; i < lon.length; i++) {
    const c = cellOf[i];
    if (c < 0) continue;
    const k = fill[c]++;
    order[k] = i;
    unitVector(lon[i], lat[i], xyz, 3 * k);
  }
  const edgeSin = memory.f64(ny + 1), edgeCos = memory.f64(ny + 1);
  for (let r = 0; r <= ny; r++) {
    const phi = Math.max(-90, Math.min(90, latMin + r * cellLat)) * (Math.PI / 180);
    edgeSin[r] = Math.sin(phi);
    edgeCos[r] = Math.cos(phi);
  }
  return { ...grid, cellStart, order, xyz, edgeSin, edgeCos };
}

export function columnOf(grid: Pick<PointGrid, 'lon0' | 'cellLon' | 'nx'>, lon: number): number {
  const c = Math.floor((lon - grid.lon0) / grid.cellLon);
  return c < 0 ? 0 : c >= grid.nx ? grid.nx - 1 : c;
}

export function rowOf(grid: Pick<PointGrid, 'lat0' | 'cellLat' | 'ny'>, lat: number): number {
  const r = Math.floor((lat - grid.lat0) / grid.cellLat);
  return r < 0 ? 0 : r >= grid.ny ? grid.ny - 1 : r;
}

function cellIndex(grid: Pick<PointGrid, 'lon0' | 'lat0' | 'cellLon' | 'cellLat' | 'nx' | 'ny'>, lon: number, lat: number): number {
  return rowOf(grid, lat) * grid.nx + columnOf(grid, lon);
}

/** Gathers per-point values into the grid's sorted order. */
export function gatherSorted(grid: PointGrid, values: Float64Array, memory: Memory = heapMemory): Float64Array {
  const out = memory.f64(grid.order.length);
  const order = grid.order;
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}
