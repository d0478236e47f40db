/**
 * Well-known text → GeoJSON geometry for the shapes layers hold: POINT, POLYGON, MULTIPOLYGON
 * (an EWKT `SRID=…;` prefix and Z/M ordinates are accepted; extra ordinates are dropped).
 * Returns a message instead of throwing so a bad cell becomes a reject.
 */
import type { Geometry, Position } from 'geojson';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

export type WktResult = { geometry: Geometry } | { error: RejectReason };

type Nested = Position | Nested[];

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * "((1 2, 3 4))" → [[[1,2],[3,4]]] in one pass over the text with an explicit stack: linear in
 * the length whatever the spacing, and no recursion however deep the parentheses. A group is an
 * array; inside it, comma-separated items are groups or runs of decimal numbers (a position).
 */
function parseNested(src: string): Nested[] | null {
  const stack: Nested[][] = [];
  let root: Nested[] | null = null;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c) || c === 44 /* , */) {
      i++;
    } else if (c === 40 /* ( */) {
      const group: Nested[] = [];
      if (stack.length > 0) stack[stack.length - 1].push(group);
      else if (root === null) root = group;
      else return null;
      stack.push(group);
      i++;
    } else if (c === 41 /* ) */) {
      if (stack.pop() === undefined) return null;
      i++;
    } else {
      if (stack.length === 0) return null;
      const position: number[] = [];
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 44 || d === 40 || d === 41) break;
        if (isSpace(d)) {
          i++;
          continue;
        }
        let j = i;
        while (j < n) {
          const e = src.charCodeAt(j);
          if (isSpace(e) || e === 44 || e === 40 || e === 41) break;
          j++;
        }
        const token = src.slice(i, j);
        if (!DECIMAL.test(token)) return null;
        position.push(Number(token));
        i = j;
      }
      stack[stack.length - 1].push(position);
    }
  }
  return stack.length === 0 ? root : null;
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

const HEAD = /^\s*(?:SRID=\d+;\s*)?(POINT|POLYGON|MULTIPOLYGON)/i;
const ORDINATES = /^\s*(?:ZM|Z|M)?(?=\s|\()/i;

export function parseWkt(text: string): WktResult {
  // Matched piece by piece (no two unbounded \s* around an optional part: that backtracked
  // quadratically on 'POINT' + 200 000 spaces + 'x').
  const head = HEAD.exec(text);
  if (head === null) return { error: rejectReason('wkt-unknown') };
  const afterType = text.slice(head[0].length);
  const ordinates = ORDINATES.exec(afterType);
  const body = ordinates === null ? '' : afterType.slice(ordinates[0].length).trim();
  if (!body.startsWith('(') || !body.endsWith(')')) return { error: rejectReason('wkt-unknown') };
  const m = [head[0], head[1], body];
  const kind = m[1].toUpperCase();
  const nested = parseNested(m[2]);
  if (nested === null) return { error: rejectReason('wkt-coordinates') };
  if (kind === 'POINT') {
    const p = nested[0];
    return isPosition(p) ? { geometry: { type: 'Point', coordinates: [p[0], p[1]] } } : { error: rejectReason('wkt-point') };
  }
  if (kind === 'POLYGON') {
    const rings = toRings(nested);
    return rings ? { geometry: { type: 'Polygon', coordinates: rings } } : { error: rejectReason('wkt-polygon') };
  }
  const polys: Position[][][] = [];
  for (const poly of nested) {
    const rings = toRings(poly);
    if (rings === null) return { error: rejectReason('wkt-multipolygon') };
    polys.push(rings);
  }
  return { geometry: { type: 'MultiPolygon', coordinates: polys } };
}
