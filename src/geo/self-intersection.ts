/**
 * Finds a proper crossing between two edges of a polygon (its rings, and the parts of a
 * multipolygon), the "bow-tie" that makes a polygon invalid. A sort-and-sweep on x keeps this near
 * n log n for real boundaries with thousands of vertices, where turf.kinks is quadratic.
 * Edges that only touch at a shared vertex are not crossings.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/layer.ts';

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** Returns a crossing point, or null when no two edges cross. */
export function findSelfIntersection(geometry: AreaGeometry): [number, number] | null {
  const rings: Position[][] = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let total = 0;
  for (const ring of rings) total += Math.max(0, ring.length - 1);
  const x1 = new Float64Array(total);
  const y1 = new Float64Array(total);
  const x2 = new Float64Array(total);
  const y2 = new Float64Array(total);
  let e = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++, e++) {
      x1[e] = ring[i][0];
      y1[e] = ring[i][1];
      x2[e] = ring[i + 1][0];
      y2[e] = ring[i + 1][1];
    }
  }
  const minX = (k: number): number => Math.min(x1[k], x2[k]);
  const order = Int32Array.from({ length: total }, (_, i) => i).sort((a, b) => minX(a) - minX(b));
  for (let oi = 0; oi < total; oi++) {
    const a = order[oi];
    const aMaxX = Math.max(x1[a], x2[a]);
    const aMinY = Math.min(y1[a], y2[a]);
    const aMaxY = Math.max(y1[a], y2[a]);
    for (let oj = oi + 1; oj < total; oj++) {
      const b = order[oj];
      if (minX(b) > aMaxX) break;
      if (Math.max(y1[b], y2[b]) < aMinY || Math.min(y1[b], y2[b]) > aMaxY) continue;
      const d1 = orient(x1[a], y1[a], x2[a], y2[a], x1[b], y1[b]);
      const d2 = orient(x1[a], y1[a], x2[a], y2[a], x2[b], y2[b]);
      const d3 = orient(x1[b], y1[b], x2[b], y2[b], x1[a], y1[a]);
      const d4 = orient(x1[b], y1[b], x2[b], y2[b], x2[a], y2[a]);
      if (d1 * d2 < 0 && d3 * d4 < 0) {
        // Proper crossing: report where, for the reject message.
        const t = ((x1[b] - x1[a]) * (y2[b] - y1[b]) - (y1[b] - y1[a]) * (x2[b] - x1[b])) /
          ((x2[a] - x1[a]) * (y2[b] - y1[b]) - (y2[a] - y1[a]) * (x2[b] - x1[b]));
        return [x1[a] + t * (x2[a] - x1[a]), y1[a] + t * (y2[a] - y1[a])];
      }
    }
  }
  return null;
}
