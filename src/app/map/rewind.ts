/**
 * d3-geo reads polygon rings clockwise (spherical convention) while GeoJSON files wind them
 * counter-clockwise; a ring the "wrong" way round would be drawn as the whole globe minus the area.
 * Any polygon whose spherical area exceeds a hemisphere is therefore reversed.
 */
import { geoArea } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';

function reversed(rings: Position[][]): Position[][] {
  return rings.map((ring) => [...ring].reverse());
}

export function rewindForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon') {
    return geoArea(geometry) > 2 * Math.PI ? { ...geometry, coordinates: reversed(geometry.coordinates) } : geometry;
  }
  const coordinates = geometry.coordinates.map((poly) =>
    geoArea({ type: 'Polygon', coordinates: poly }) > 2 * Math.PI ? reversed(poly) : poly,
  );
  return { ...geometry, coordinates };
}
