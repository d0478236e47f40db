/**
 * Rings wound for d3-geo (Plot's geo mark, the page's map): d3 reads a ring's winding as which side
 * is inside, exterior rings clockwise and holes anticlockwise, while GeoJSON files usually wind
 * them the other way; a ring the wrong way round draws as the whole world minus the area. Each ring
 * is turned on its own (planar signed area), so holes come out right whatever the file did.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export function rewindForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  const polygon = (rings: Position[][]): Position[][] => rings.map((r, k) => (isClockwise(r) === (k === 0) ? r : [...r].reverse()));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygon(geometry.coordinates) };
  return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
}

/** Planar winding in lon/lat axes (x east, y north): the one test every ring rewinder uses. */
export function isClockwise(ring: Position[]): boolean {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[i][0] - ring[j][0]) * (ring[i][1] + ring[j][1]);
  return sum > 0;
}
