/** Seeded test instances: points around a centre, some placed exactly near a radius. */
import { EARTH_RADIUS_M } from '../../src/geo/haversine.ts';
import type { WeightedPoints } from '../../src/kernel/types.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';

const RAD = Math.PI / 180;

export { mulberry32 };

/** The point `metres` from (lon, lat) along `bearing` degrees (great circle, direct formula). */
export function destination(lon: number, lat: number, bearing: number, metres: number): [number, number] {
  const delta = metres / EARTH_RADIUS_M, theta = bearing * RAD, phi1 = lat * RAD;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
  const lambda = Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
  let lon2 = lon + lambda / RAD;
  if (lon2 > 180) lon2 -= 360;
  if (lon2 < -180) lon2 += 360;
  return [lon2, phi2 / RAD];
}

/** n points uniform in a square of `halfKm` around (lon, lat), integer weights 1–9. */
export function randomPoints(rnd: () => number, n: number, lon: number, lat: number, halfKm: number): WeightedPoints {
  const p = { lon: new Float64Array(n), lat: new Float64Array(n), weight: new Float64Array(n) };
  const degLat = (halfKm * 1000) / (EARTH_RADIUS_M * RAD);
  for (let i = 0; i < n; i++) {
    p.lat[i] = lat + (2 * rnd() - 1) * degLat;
    p.lon[i] = lon + ((2 * rnd() - 1) * degLat) / Math.cos(lat * RAD);
    p.weight[i] = 1 + Math.floor(9 * rnd());
  }
  return p;
}

/**
 * Sources around the queries, plus, for every query, points at radius·(1 ± 1e-7) in random
 * bearings: the boundary where a sloppy kernel (projected distance, float32, rounding) goes wrong.
 */
export function instance(seed: number, nQueries: number, nSources: number, radii: number[], lat = 31.23, lon = 121.47, halfKm = 6) {
  const rnd = mulberry32(seed);
  const queries = randomPoints(rnd, nQueries, lon, lat, halfKm);
  const base = randomPoints(rnd, nSources, lon, lat, halfKm);
  const extra: [number, number][] = [];
  for (let i = 0; i < nQueries; i++) {
    for (const r of radii) {
      for (const f of [1 - 1e-7, 1 + 1e-7]) extra.push(destination(queries.lon[i], queries.lat[i], 360 * rnd(), r * f));
    }
  }
  const n = nSources + extra.length;
  const sources = { lon: new Float64Array(n), lat: new Float64Array(n), weight: new Float64Array(n) };
  sources.lon.set(base.lon); sources.lat.set(base.lat); sources.weight.set(base.weight);
  extra.forEach(([x, y], j) => { sources.lon[nSources + j] = x; sources.lat[nSources + j] = y; sources.weight[nSources + j] = 1 + (j % 5); });
  return { queries, sources };
}
