/**
 * Well-Known Binary → GeoJSON geometry: ISO WKB (Z, M, ZM as type + 1000/2000/3000) and the EWKB
 * high-bit flags, either byte order. Extra ordinates are dropped. Used for GeoPackage geometries.
 */
import type { Geometry, Position } from 'geojson';

interface Cursor {
  view: DataView;
  at: number;
}

function header(c: Cursor): { little: boolean; type: number; dims: number } {
  const little = c.view.getUint8(c.at) === 1;
  let raw = c.view.getUint32(c.at + 1, little);
  c.at += 5;
  let dims = 2;
  // EWKB: Z 0x80000000, M 0x40000000, SRID 0x20000000 (followed by the SRID).
  if (raw & 0x80000000) dims++;
  if (raw & 0x40000000) dims++;
  if (raw & 0x20000000) c.at += 4;
  raw &= 0x0fffffff;
  const iso = Math.floor(raw / 1000);
  if (iso === 1 || iso === 2) dims = 3;
  else if (iso === 3) dims = 4;
  return { little, type: raw % 1000, dims };
}

function point(c: Cursor, little: boolean, dims: number): Position {
  const p = [c.view.getFloat64(c.at, little), c.view.getFloat64(c.at + 8, little)];
  c.at += 8 * dims;
  return p;
}

function points(c: Cursor, little: boolean, dims: number): Position[] {
  const n = c.view.getUint32(c.at, little);
  c.at += 4;
  const out: Position[] = [];
  for (let i = 0; i < n; i++) out.push(point(c, little, dims));
  return out;
}

function rings(c: Cursor, little: boolean, dims: number): Position[][] {
  const n = c.view.getUint32(c.at, little);
  c.at += 4;
  const out: Position[][] = [];
  for (let i = 0; i < n; i++) out.push(points(c, little, dims));
  return out;
}

function geometry(c: Cursor): Geometry {
  const { little, type, dims } = header(c);
  const count = (): number => {
    const n = c.view.getUint32(c.at, little);
    c.at += 4;
    return n;
  };
  switch (type) {
    case 1:
      return { type: 'Point', coordinates: point(c, little, dims) };
    case 2:
      return { type: 'LineString', coordinates: points(c, little, dims) };
    case 3:
      return { type: 'Polygon', coordinates: rings(c, little, dims) };
    case 4:
      return { type: 'MultiPoint', coordinates: Array.from({ length: count() }, () => (geometry(c) as { coordinates: Position }).coordinates) };
    case 5:
      return { type: 'MultiLineString', coordinates: Array.from({ length: count() }, () => (geometry(c) as { coordinates: Position[] }).coordinates) };
    case 6:
      return { type: 'MultiPolygon', coordinates: Array.from({ length: count() }, () => (geometry(c) as { coordinates: Position[][] }).coordinates) };
    case 7:
      return { type: 'GeometryCollection', geometries: Array.from({ length: count() }, () => geometry(c)) };
  }
  throw new Error(`WKB geometry type ${type} is not read (curves and surfaces)`);
}

/** Parses one WKB geometry starting at `offset`. Throws on a truncated or unknown one. */
export function parseWkb(bytes: Uint8Array, offset = 0): Geometry {
  return geometry({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: offset });
}
