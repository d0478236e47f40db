/**
 * Generated candidates when a bundle has none: a square lattice of `spacing` metres over the
 * demand's bounding box, keeping only points with some demand within one spacing (no candidates
 * in empty country or water).
 */
import type { PointLayer } from '../data/layer.ts';
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import type { Points } from '../kernel/types.ts';
import { pairsWithinRadius } from './pairs-within-radius.ts';

const DEG = 180 / Math.PI;

export function demandLattice(demand: Points, spacing: number, maxPoints = 200_000): PointLayer {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let i = 0; i < demand.lon.length; i++) {
    minLon = Math.min(minLon, demand.lon[i]); maxLon = Math.max(maxLon, demand.lon[i]);
    minLat = Math.min(minLat, demand.lat[i]); maxLat = Math.max(maxLat, demand.lat[i]);
  }
  const stepLat = (spacing / EARTH_RADIUS_M) * DEG;
  const stepLon = stepLat / Math.cos(((minLat + maxLat) / 2) / DEG);
  const nx = Math.floor((maxLon - minLon) / stepLon) + 1;
  const ny = Math.floor((maxLat - minLat) / stepLat) + 1;
  const count = Number.isFinite(nx * ny) ? nx * ny : 0;
  if (count > maxPoints) throw new RangeError(`a ${spacing} m lattice over the demand would have ${count} points (limit ${maxPoints}); use a larger spacing`);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) { lon[y * nx + x] = minLon + x * stepLon; lat[y * nx + x] = minLat + y * stepLat; }
  const near = pairsWithinRadius(demand, { lon, lat }, spacing);
  const keep: number[] = [];
  for (let j = 0; j < count; j++) if (near.start[j + 1] > near.start[j]) keep.push(j);
  return {
    kind: 'point',
    layer: 'candidates',
    ids: keep.map((j) => `lattice-${Math.floor(j / nx)}-${j % nx}`),
    lon: Float64Array.from(keep, (j) => lon[j]),
    lat: Float64Array.from(keep, (j) => lat[j]),
    numeric: {},
    text: {},
  };
}
