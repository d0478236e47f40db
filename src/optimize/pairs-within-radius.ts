/**
 * Sparse great-circle costs: for every facility, the demand points within `radius` metres and
 * their haversine distance, as FacilityCosts CSR arrays. Demand is bucketed once into a lon/lat
 * grid whose cells are at least `radius` across, so each facility scans only nearby cells; the
 * haversine test is exact (d <= radius, inclusive). Does not handle the antimeridian.
 */
import { EARTH_RADIUS_M, haversine } from '../geo/haversine.ts';
import type { Points } from '../kernel/types.ts';

const DEG = 180 / Math.PI;
const MAX_CELLS = 4_000_000;

export interface SparsePairs {
  start: Int32Array;
  demand: Int32Array;
  cost: Float64Array;
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export function pairsWithinRadius(demand: Points, facilities: Points, radius: number, signal?: AbortSignal): SparsePairs {
  const n = demand.lon.length;
  const m = facilities.lon.length;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < n; i++) {
    minLon = Math.min(minLon, demand.lon[i]); maxLon = Math.max(maxLon, demand.lon[i]);
    minLat = Math.min(minLat, demand.lat[i]); maxLat = Math.max(maxLat, demand.lat[i]);
  }
  const dLat = (radius / EARTH_RADIUS_M) * DEG * 1.000001;
  const maxAbsLat = Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)) + dLat);
  const dLonWide = Math.min(360, dLat / Math.cos(maxAbsLat / DEG));
  // Cells at least one search radius across, fewer if the grid would get too large.
  let cellLat = dLat;
  let cellLon = dLonWide;
  let gx = Math.max(1, Math.ceil((maxLon - minLon) / cellLon) + 1);
  let gy = Math.max(1, Math.ceil((maxLat - minLat) / cellLat) + 1);
  if (n === 0) gx = gy = 1;
  const shrink = Math.sqrt((gx * gy) / MAX_CELLS);
  if (shrink > 1) {
    cellLat *= shrink; cellLon *= shrink;
    gx = Math.ceil((maxLon - minLon) / cellLon) + 1;
    gy = Math.ceil((maxLat - minLat) / cellLat) + 1;
  }
  const cellOf = (i: number) => Math.floor((demand.lat[i] - minLat) / cellLat) * gx + Math.floor((demand.lon[i] - minLon) / cellLon);
  const cellStart = new Int32Array(gx * gy + 1);
  for (let i = 0; i < n; i++) cellStart[cellOf(i) + 1]++;
  for (let c = 0; c < gx * gy; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, gx * gy);
  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[fill[cellOf(i)]++] = i;

  const start = new Int32Array(m + 1);
  let outDemand = new Int32Array(Math.max(1024, m * 8));
  let outCost = new Float64Array(outDemand.length);
  let count = 0;
  for (let j = 0; j < m; j++) {
    if ((j & 255) === 0) signal?.throwIfAborted();
    const lon = facilities.lon[j];
    const lat = facilities.lat[j];
    const dLon = Math.min(360, dLat / Math.cos(Math.min(89, Math.abs(lat) + dLat) / DEG));
    const x0 = Math.max(0, Math.floor((lon - dLon - minLon) / cellLon));
    const x1 = Math.min(gx - 1, Math.floor((lon + dLon - minLon) / cellLon));
    const y0 = Math.max(0, Math.floor((lat - dLat - minLat) / cellLat));
    const y1 = Math.min(gy - 1, Math.floor((lat + dLat - minLat) / cellLat));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const c = y * gx + x;
        for (let t = cellStart[c]; t < cellStart[c + 1]; t++) {
          const i = items[t];
          const d = haversine(lon, lat, demand.lon[i], demand.lat[i]);
          if (d > radius) continue;
          if (count === outDemand.length) {
            outDemand = grow(outDemand, count + 1);
            outCost = grow(outCost, count + 1);
          }
          outDemand[count] = i;
          outCost[count++] = d;
        }
      }
    }
    start[j + 1] = count;
  }
  return { start, demand: outDemand.slice(0, count), cost: outCost.slice(0, count) };
}

/** Every pair (dense): used when a model needs all distances and the instance is small. */
export function allPairs(demand: Points, facilities: Points): SparsePairs {
  const n = demand.lon.length;
  const m = facilities.lon.length;
  const start = new Int32Array(m + 1);
  const outDemand = new Int32Array(n * m);
  const cost = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      outDemand[j * n + i] = i;
      cost[j * n + i] = haversine(facilities.lon[j], facilities.lat[j], demand.lon[i], demand.lat[i]);
    }
    start[j + 1] = (j + 1) * n;
  }
  return { start, demand: outDemand, cost };
}
