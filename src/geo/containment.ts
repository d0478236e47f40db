/**
 * Point-in-polygon assignment: which polygon holds each point. Turf's booleanPointInPolygon is the
 * exact test; a grid over the polygons' bounding boxes keeps it to the few polygons near a point,
 * so a million points against a thousand polygons is seconds rather than a billion exact tests.
 *
 * Rules: a point on a polygon's edge or vertex counts as inside it (Turf's default); where polygons
 * overlap or share an edge, the lowest polygon index wins, so results do not depend on timing or order
 * of visiting. Points with a NaN coordinate, and polygons with no coordinates, match nothing.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/layer.ts';
import { buildBoxGrid, cellOf } from './grid-index.ts';

/** For each point, the index of the first polygon containing it, or -1. */
export function assignPointsToPolygons(lon: Float64Array, lat: Float64Array, polygons: AreaGeometry[]): Int32Array {
  if (lon.length !== lat.length) {
    throw new RangeError(`assignPointsToPolygons: lon has ${lon.length} values but lat has ${lat.length}`);
  }
  const result = new Int32Array(lon.length).fill(-1);
  if (polygons.length === 0) return result;
  const boxes = polygonBoxes(polygons);
  const grid = buildBoxGrid(boxes);
  const { offsets, items } = grid;
  const point: Position = [0, 0];
  for (let p = 0; p < lon.length; p++) {
    const x = lon[p];
    const y = lat[p];
    const cell = cellOf(grid, x, y); // NaN lands outside the grid
    if (cell < 0) continue;
    for (let k = offsets[cell]; k < offsets[cell + 1]; k++) {
      const i = items[k];
      if (x < boxes[4 * i] || y < boxes[4 * i + 1] || x > boxes[4 * i + 2] || y > boxes[4 * i + 3]) continue;
      point[0] = x;
      point[1] = y;
      if (booleanPointInPolygon(point, polygons[i])) {
        result[p] = i;
        break;
      }
    }
  }
  return result;
}

/** [minX, minY, maxX, maxY] per polygon, flat; NaN for a polygon with no coordinates. */
export function polygonBoxes(polygons: AreaGeometry[]): Float64Array {
  const boxes = new Float64Array(polygons.length * 4).fill(NaN);
  polygons.forEach((geometry, i) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const part of parts) {
      // The outer ring bounds the part; holes lie inside it.
      const outer = part[0] ?? [];
      for (const [x, y] of outer) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    if (minX <= maxX && minY <= maxY) boxes.set([minX, minY, maxX, maxY], 4 * i);
  });
  return boxes;
}
