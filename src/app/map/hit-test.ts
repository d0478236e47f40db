/**
 * What is under the pointer: the site nearest it within a few pixels, else the area (region or
 * district polygon) that contains it. Geometry, not nearest centre: a click anywhere inside a
 * polygon picks that polygon.
 */
import { geoContains, type GeoProjection } from 'd3';
import type { ShownUnits } from './unit-features.ts';

/** How far from a site's dot a pointer still picks it, pixels. */
export const PICK_RADIUS = 7;

export function hitUnit(shown: ShownUnits, projection: GeoProjection, x: number, y: number): number {
  let best = -1;
  let bestD = PICK_RADIUS * PICK_RADIUS;
  for (const s of shown.sites) {
    const p = projection([s.lon, s.lat]);
    if (!p) continue;
    const d = (p[0] - x) ** 2 + (p[1] - y) ** 2;
    if (d <= bestD) [best, bestD] = [s.unit, d];
  }
  if (best >= 0) return best;
  const lonLat = projection.invert?.([x, y]);
  if (!lonLat) return -1;
  for (const f of shown.areas) if (f.properties.unit >= 0 && geoContains(f, lonLat)) return f.properties.unit;
  return -1;
}
