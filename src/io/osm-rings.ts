/**
 * OSM multipolygon and boundary relations → GeoJSON: the member ways are joined end to end (by
 * node id, either way round) into closed rings, and each ring is an outer or a hole by how many
 * other rings hold it (roles are often wrong in the data, geometry is not). Rings that do not
 * close are counted, not guessed at: a boundary cut by the extract's edge is incomplete.
 */
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { isClockwise } from '../geo/rewind.ts';

/** One member way: its node ids and their positions (same length). */
export interface WayLine {
  nodes: number[];
  coords: Position[];
}

export interface AssembledArea {
  geometry: Polygon | MultiPolygon | null;
  /** Member ways left over because their chain did not close. */
  openWays: number;
}

function closeRings(ways: WayLine[]): { rings: Position[][]; openWays: number } {
  const left = ways.filter((w) => w.nodes.length >= 2);
  const rings: Position[][] = [];
  let openWays = 0;
  while (left.length > 0) {
    const first = left.shift() as WayLine;
    const nodes = [...first.nodes];
    const coords = [...first.coords];
    let used = 1;
    while (nodes[0] !== nodes[nodes.length - 1]) {
      const end = nodes[nodes.length - 1];
      const at = left.findIndex((w) => w.nodes[0] === end || w.nodes[w.nodes.length - 1] === end);
      if (at < 0) break;
      const next = left.splice(at, 1)[0];
      const forward = next.nodes[0] === end;
      const n = forward ? next.nodes : [...next.nodes].reverse();
      const c = forward ? next.coords : [...next.coords].reverse();
      nodes.push(...n.slice(1));
      coords.push(...c.slice(1));
      used++;
    }
    if (nodes[0] === nodes[nodes.length - 1] && nodes.length >= 4) rings.push(coords);
    else openWays += used;
  }
  return { rings, openWays };
}

const wound = (ring: Position[], ccw: boolean): Position[] => (isClockwise(ring) !== ccw ? ring : [...ring].reverse());

/** A ring inside another: a vertex of it (rings of valid data do not cross) lies in the other. */
function inside(inner: Position[], outer: Position[]): boolean {
  return booleanPointInPolygon(inner[0], { type: 'Polygon', coordinates: [outer] }, { ignoreBoundary: true })
    || booleanPointInPolygon(inner[Math.floor(inner.length / 2)], { type: 'Polygon', coordinates: [outer] }, { ignoreBoundary: true });
}

/** Rings wound as RFC 7946 asks: outers counter-clockwise, holes clockwise. */
export function assembleArea(ways: WayLine[]): AssembledArea {
  const { rings, openWays } = closeRings(ways);
  const areaOf = rings.map((r) => area({ type: 'Polygon', coordinates: [r] }));
  // Larger rings first, so each hole finds the smallest ring around it last.
  const order = rings.map((_, i) => i).sort((a, b) => areaOf[b] - areaOf[a]);
  const polygons: { outer: number; holes: Position[][] }[] = [];
  const parentPolygon = new Map<number, number>();
  const depth = new Map<number, number>();
  for (const i of order) {
    let d = 0;
    let holder = -1;
    for (const j of order) {
      if (j === i || areaOf[j] < areaOf[i]) continue;
      if (depth.has(j) && inside(rings[i], rings[j])) {
        d = Math.max(d, (depth.get(j) ?? 0) + 1);
        if ((depth.get(j) ?? 0) + 1 === d) holder = j;
      }
    }
    depth.set(i, d);
    if (d % 2 === 0) {
      parentPolygon.set(i, polygons.length);
      polygons.push({ outer: i, holes: [] });
    } else {
      polygons[parentPolygon.get(holder) ?? 0].holes.push(wound(rings[i], false));
    }
  }
  if (polygons.length === 0) return { geometry: null, openWays };
  const coords = polygons.map((p) => [wound(rings[p.outer], true), ...p.holes]);
  return { geometry: coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords }, openWays };
}
