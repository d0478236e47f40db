/**
 * nearest over a slice of queries: search a circle, double it until it holds a source; the best
 * point inside a fully scanned circle is the global nearest.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from './circle-ranges.ts';
import type { PointGrid } from './grid.ts';
import { arcFromChordSq, chordSqOfArc } from './sphere.ts';

const RAD = Math.PI / 180;
const HALF_CIRCUMFERENCE = Math.PI * EARTH_RADIUS_M;

export interface NearestJob {
  grid: PointGrid;
  qLon: Float64Array;
  qLat: Float64Array;
  qOrder: Int32Array;
  out: Float64Array;
}

export function scanNearest(job: NearestJob, from: number, to: number): void {
  const { grid, qLon, qLat, qOrder, out } = job;
  const xyz = grid.xyz;
  const ranges = new Int32Array(2 * rangesCapacity(grid));
  const firstRadius = grid.cellMetres;
  for (let q = from; q < to; q++) {
    const i = qOrder[q];
    const lon = qLon[i], lat = qLat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) { out[i] = NaN; continue; }
    const cl = Math.cos(lat * RAD);
    const qx = cl * Math.cos(lon * RAD), qy = cl * Math.sin(lon * RAD), qz = Math.sin(lat * RAD);
    let best = Infinity;
    for (let radius = firstRadius; ; radius *= 2) {
      const count = circleRanges(grid, lon, lat, Math.min(radius, HALF_CIRCUMFERENCE) / EARTH_RADIUS_M, ranges);
      for (let r = 0; r < count; r++) {
        const end = ranges[2 * r + 1];
        for (let k = ranges[2 * r]; k < end; k++) {
          const dx = xyz[3 * k] - qx, dy = xyz[3 * k + 1] - qy, dz = xyz[3 * k + 2] - qz;
          const c2 = dx * dx + dy * dy + dz * dz;
          if (c2 < best) best = c2;
        }
      }
      if (best <= chordSqOfArc(radius) || radius >= HALF_CIRCUMFERENCE) break;
    }
    out[i] = best === Infinity ? Infinity : arcFromChordSq(best);
  }
}
