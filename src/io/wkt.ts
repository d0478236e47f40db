/**
 * Well-known text → GeoJSON geometry for the shapes layers hold: POINT, POLYGON, MULTIPOLYGON
 * (an EWKT `SRID=…;` prefix and Z/M ordinates are accepted; extra ordinates are dropped).
 * Returns a message instead of throwing so a bad cell becomes a reject.
 */
import type { Geometry, Position } from 'geojson';

export type WktResult = { geometry: Geometry } | { error: string };

type Nested = Position | Nested[];

function parseNested(src: string): Nested[] | null {
  // Turn "((1 2, 3 4))" into JSON "[[[1,2],[3,4]]]".
  const json = src
    .trim()
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/([-+0-9.eE]+(?:\s+[-+0-9.eE]+)+)/g, (m) => '[' + m.trim().split(/\s+/).join(',') + ']');
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as Nested[]) : null;
  } catch {
    return null;
  }
}

function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function toRings(v: unknown): Position[][] | null {
  if (!Array.isArray(v)) return null;
  const rings: Position[][] = [];
  for (const ring of v) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return null;
    rings.push((ring as Position[]).map((p) => [p[0], p[1]]));
  }
  return rings;
}

export function parseWkt(text: string): WktResult {
  const m = /^\s*(?:SRID=\d+;)?\s*(POINT|POLYGON|MULTIPOLYGON)\s*(?:ZM|Z|M)?\s*(\(.*\))\s*$/is.exec(text);
  if (m === null) return { error: 'not WKT POINT, POLYGON or MULTIPOLYGON' };
  const kind = m[1].toUpperCase();
  const nested = parseNested(m[2]);
  if (nested === null) return { error: 'unreadable WKT coordinates' };
  if (kind === 'POINT') {
    const p = nested[0];
    return isPosition(p) ? { geometry: { type: 'Point', coordinates: [p[0], p[1]] } } : { error: 'unreadable WKT point' };
  }
  if (kind === 'POLYGON') {
    const rings = toRings(nested);
    return rings ? { geometry: { type: 'Polygon', coordinates: rings } } : { error: 'unreadable WKT polygon' };
  }
  const polys: Position[][][] = [];
  for (const poly of nested) {
    const rings = toRings(poly);
    if (rings === null) return { error: 'unreadable WKT multipolygon' };
    polys.push(rings);
  }
  return { geometry: { type: 'MultiPolygon', coordinates: polys } };
}
