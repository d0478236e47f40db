/**
 * A point guaranteed to lie strictly inside a polygon (not on its edge), for deciding which region a
 * district sits in. A centroid can fall outside a concave shape, and a vertex lies on the shared
 * border with the neighbour, so neither will do: instead a horizontal line through the middle of the
 * largest part is cut by every ring, and the midpoint of the widest inside stretch is taken.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../data/layer.ts';

/** [lon, lat] inside the geometry, or null for a geometry with no area. */
export function interiorPoint(geometry: AreaGeometry): [number, number] | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: [number, number] | null = null;
  let bestWidth = 0;
  for (const rings of parts) {
    const outer = rings[0];
    if (!outer || outer.length < 4) continue;
    let minY = Infinity, maxY = -Infinity;
    for (const [, y] of outer) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    // A few scan lines, offset from round fractions so they rarely pass exactly through a vertex.
    for (const f of [0.5013, 0.3271, 0.6829, 0.1877, 0.8123]) {
      const y = minY + (maxY - minY) * f;
      const found = widestStretch(rings, y);
      if (found && found.width > bestWidth) {
        bestWidth = found.width;
        best = [found.x, y];
      }
    }
  }
  return best;
}

/** Crossings of the line at height y with every ring; inside stretches are alternate pairs. */
function widestStretch(rings: Position[][], y: number): { x: number; width: number } | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      // Half-open rule: count an edge when y lies in [low, high), so a vertex is crossed once.
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  xs.sort((a, b) => a - b);
  let best: { x: number; width: number } | null = null;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const width = xs[k + 1] - xs[k];
    if (width > 0 && (!best || width > best.width)) best = { x: (xs[k] + xs[k + 1]) / 2, width };
  }
  return best;
}
