/**
 * Shapefile .shp records → GeoJSON geometries (ESRI Shapefile Technical Description, 1998):
 * points, multipoints, polylines and polygons, with their Z and M variants (extra ordinates are
 * dropped). Polygon rings are grouped as the format draws them — outer rings clockwise, holes
 * counter-clockwise — each hole going to the outer ring that holds it; the output follows RFC 7946
 * (outer rings counter-clockwise).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Geometry, Position } from 'geojson';
import { isClockwise } from '../geo/rewind.ts';

export interface ShpRecord {
  geometry: Geometry | null;
  /** Why the record has no geometry (a null shape, an unknown type, a truncated record). */
  error?: string;
}

export const NULL_SHAPE = 'null shape (no geometry)';

const POINT = new Set([1, 11, 21]);
const MULTIPOINT = new Set([8, 18, 28]);
const POLYLINE = new Set([3, 13, 23]);
const POLYGON = new Set([5, 15, 25]);

function polygonOf(rings: Position[][]): Geometry | null {
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    if (isClockwise(ring)) outers.push([[...ring].reverse()]);
    else holes.push([...ring].reverse());
  }
  // A file written with the wrong winding: every ring counter-clockwise reads as outers.
  if (outers.length === 0) for (const h of holes.splice(0)) outers.push([[...h].reverse()]);
  for (const hole of holes) {
    const owner = outers.find((p) => booleanPointInPolygon(hole[0], { type: 'Polygon', coordinates: [p[0]] })) ?? outers[0];
    owner.push(hole);
  }
  if (outers.length === 0) return null;
  return outers.length === 1 ? { type: 'Polygon', coordinates: outers[0] } : { type: 'MultiPolygon', coordinates: outers };
}

/** Parts (start indices) and points of a polyline/polygon record body starting at `at` (after the type). */
function partsAndPoints(view: DataView, at: number, end: number): Position[][] {
  const numParts = view.getInt32(at + 32, true);
  const numPoints = view.getInt32(at + 36, true);
  const pointsAt = at + 40 + 4 * numParts;
  if (numParts < 0 || numPoints < 0 || pointsAt + 16 * numPoints > end) throw new Error('record is shorter than its point count');
  const parts: Position[][] = [];
  for (let p = 0; p < numParts; p++) {
    const from = view.getInt32(at + 40 + 4 * p, true);
    const to = p + 1 < numParts ? view.getInt32(at + 44 + 4 * p, true) : numPoints;
    const part: Position[] = [];
    for (let i = from; i < to; i++) part.push([view.getFloat64(pointsAt + 16 * i, true), view.getFloat64(pointsAt + 16 * i + 8, true)]);
    parts.push(part);
  }
  return parts;
}

function recordGeometry(view: DataView, at: number, end: number): ShpRecord {
  const type = view.getInt32(at, true);
  const body = at + 4;
  if (type === 0) return { geometry: null, error: NULL_SHAPE };
  if (POINT.has(type)) return { geometry: { type: 'Point', coordinates: [view.getFloat64(body, true), view.getFloat64(body + 8, true)] } };
  if (MULTIPOINT.has(type)) {
    const n = view.getInt32(body + 32, true);
    const coordinates: Position[] = [];
    for (let i = 0; i < n; i++) coordinates.push([view.getFloat64(body + 36 + 16 * i, true), view.getFloat64(body + 44 + 16 * i, true)]);
    return { geometry: n === 1 ? { type: 'Point', coordinates: coordinates[0] } : { type: 'MultiPoint', coordinates } };
  }
  if (POLYLINE.has(type)) {
    const parts = partsAndPoints(view, body, end);
    return { geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts } };
  }
  if (POLYGON.has(type)) {
    const geometry = polygonOf(partsAndPoints(view, body, end));
    return geometry === null ? { geometry: null, error: 'polygon with no ring of 4 or more points' } : { geometry };
  }
  return { geometry: null, error: `shape type ${type} is not read (multipatch)` };
}

/** All records of a .shp file, in order. Throws on a file that is not a Shapefile. */
export function parseShp(bytes: Uint8Array): ShpRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0, false) !== 9994) throw new Error('the .shp file does not start with the Shapefile signature');
  const fileEnd = Math.min(bytes.length, view.getInt32(24, false) * 2);
  const out: ShpRecord[] = [];
  let at = 100;
  while (at + 8 <= fileEnd) {
    const length = view.getInt32(at + 4, false) * 2;
    const end = at + 8 + length;
    if (length < 4 || end > fileEnd) {
      out.push({ geometry: null, error: 'truncated record' });
      break;
    }
    try {
      out.push(recordGeometry(view, at + 8, end));
    } catch (err) {
      out.push({ geometry: null, error: err instanceof Error ? err.message : String(err) });
    }
    at = end;
  }
  return out;
}
