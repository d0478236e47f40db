/** The height at which a Mercator map of the domain fills the width (Plot's default leaves bands). */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';

export function fittedHeight(domain: GeoPermissibleObjects, width: number, bounds: { min: number; max?: number }): number {
  const projection = geoMercator().fitWidth(width, domain);
  const [[, y0], [, y1]] = geoPath(projection).bounds(domain);
  return Number.isFinite(y1 - y0) ? Math.min(bounds.max ?? Infinity, Math.max(bounds.min, Math.ceil(y1 - y0))) : width;
}
