/**
 * Geometry from a file → a checked WGS84 geometry, or the reason it is rejected: wrong type,
 * unclosed or too-short rings, positions out of range, self-intersection.
 */
import type { Geometry, Position } from 'geojson';
import type { CrsName } from './bundle-manifest.ts';
import type { AreaGeometry } from './layer.ts';
import { toWgs84 } from '../geo/crs.ts';
import { findSelfIntersection } from '../geo/self-intersection.ts';
import { coordinateProblem, type CoordinateProblemKind } from './check-coordinates.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

/** Where a ring is: 0 the outer ring, k the k-th hole; `part` 0 for a Polygon, else the multipolygon's 1-based part. */
interface RingAt {
  ring: number;
  part: number;
}

type Failure = { reason: RejectReason; kind: CoordinateProblemKind | 'invalid' };

export type GeometryCheck =
  | { ok: true; geometry: AreaGeometry }
  | { ok: false; reason: RejectReason; kind: CoordinateProblemKind | 'invalid' | 'type' };

function convertRing(ring: Position[], crs: CrsName, at: RingAt): Position[] | Failure {
  if (!Array.isArray(ring) || ring.length < 4) return { reason: rejectReason('ring-too-short', at), kind: 'invalid' };
  const out: Position[] = new Array<Position>(ring.length);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return { reason: rejectReason('ring-non-numeric', at), kind: 'invalid' };
    }
    const problem = coordinateProblem(p[0], p[1], crs);
    if (problem !== null) return { reason: problem.reason, kind: problem.kind };
    out[i] = crs === 'wgs84' ? [p[0], p[1]] : toWgs84(p[0], p[1], crs);
    // An edge over 180° of longitude is one that crosses the antimeridian the short way round;
    // read flat it would wrap the globe the other way and invert containment.
    if (i > 0 && Math.abs(out[i][0] - out[i - 1][0]) > 180) {
      return { reason: rejectReason('ring-antimeridian', at), kind: 'invalid' };
    }
  }
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) return { reason: rejectReason('ring-not-closed', at), kind: 'invalid' };
  return out;
}

function convertPolygon(rings: Position[][], crs: CrsName, part: number): Position[][] | Failure {
  if (!Array.isArray(rings) || rings.length === 0) return { reason: rejectReason('polygon-no-rings', { part }), kind: 'invalid' };
  const out: Position[][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring = convertRing(rings[r], crs, { ring: r, part });
    if (!Array.isArray(ring)) return ring;
    out.push(ring);
  }
  return out;
}

/** Checks a polygon or multipolygon and converts it to WGS84. */
export function checkArea(geometry: Geometry | null, crs: CrsName): GeometryCheck {
  if (geometry === null) return { ok: false, reason: rejectReason('missing-geometry'), kind: 'invalid' };
  let result: AreaGeometry;
  if (geometry.type === 'Polygon') {
    const rings = convertPolygon(geometry.coordinates, crs, 0);
    if (!Array.isArray(rings)) return { ok: false, ...rings };
    result = { type: 'Polygon', coordinates: rings };
  } else if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
      return { ok: false, reason: rejectReason('multipolygon-empty'), kind: 'invalid' };
    }
    const parts: Position[][][] = [];
    for (let i = 0; i < geometry.coordinates.length; i++) {
      const rings = convertPolygon(geometry.coordinates[i], crs, i + 1);
      if (!Array.isArray(rings)) return { ok: false, ...rings };
      parts.push(rings);
    }
    result = { type: 'MultiPolygon', coordinates: parts };
  } else {
    return { ok: false, reason: rejectReason('not-area', { type: geometry.type }), kind: 'type' };
  }
  const crossing = findSelfIntersection(result);
  if (crossing !== null) {
    const [x, y] = crossing;
    return { ok: false, reason: rejectReason('self-intersecting', { lon: x.toFixed(6), lat: y.toFixed(6) }), kind: 'invalid' };
  }
  return { ok: true, geometry: result };
}
