/**
 * Containment benchmark: 1 M seeded random points against 1 000 star polygons (48 vertices each)
 * covering most of a 1°×1° square. Prints time and points per second.
 * Run: node --import tsx bench/load-containment.ts [points] [polygons]
 */
import type { Polygon } from 'geojson';
import { assignPointsToPolygons } from '../src/geo/containment.ts';
import { seededRandom } from '../test/geo/seeded-random.ts';

export function containmentBench(points = 1_000_000, polygonCount = 1_000): { seconds: number; pointsPerSecond: number; matched: number } {
  const random = seededRandom(7);
  const side = Math.ceil(Math.sqrt(polygonCount));
  const cell = 1 / side;
  const polygons: Polygon[] = [];
  for (let i = 0; i < polygonCount; i++) {
    const cx = ((i % side) + 0.5) * cell;
    const cy = (Math.floor(i / side) + 0.5) * cell;
    const ring: [number, number][] = [];
    for (let j = 0; j < 48; j++) {
      const angle = (2 * Math.PI * j) / 48;
      const r = cell * (0.35 + 0.3 * random());
      ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
    }
    ring.push(ring[0]);
    polygons.push({ type: 'Polygon', coordinates: [ring] });
  }
  const lon = Float64Array.from({ length: points }, () => random());
  const lat = Float64Array.from({ length: points }, () => random());
  const start = performance.now();
  const assigned = assignPointsToPolygons(lon, lat, polygons);
  const seconds = (performance.now() - start) / 1000;
  const matched = assigned.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0);
  return { seconds, pointsPerSecond: points / seconds, matched };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const points = Number(process.argv[2] ?? 1_000_000);
  const polygons = Number(process.argv[3] ?? 1_000);
  const r = containmentBench(points, polygons);
  console.log(`containment: ${points} points × ${polygons} polygons in ${r.seconds.toFixed(2)} s (${Math.round(r.pointsPerSecond).toLocaleString('en')} points/s, ${r.matched} matched)`);
}
