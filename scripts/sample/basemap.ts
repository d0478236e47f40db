/**
 * The sample's basemap (bundle "basemap"): light context for its maps, never scored — a river
 * meandering across the city and a lake (water), parks, and the boulevards and avenues (roads).
 * Drawn from its own seeded stream so adding it changed none of the other sample files.
 */
import { mulberry32, type Rng } from './prng.ts';
import { pointInRing, toLonLat, type Xy } from './plane.ts';
import type { Street } from './streets.ts';

/** The basemap's own stream: seed + this, so the city's stream is untouched. */
const STREAM = 7_919;
const RIVER_HALF_WIDTH = 160;
const PARKS = 7;

function ring(points: Xy[]): [number, number][] {
  return [...points, points[0]].map(toLonLat);
}

/** A blob: a circle of `radius` with a wobbly edge. */
function blob(rng: Rng, [cx, cy]: Xy, rx: number, ry: number): Xy[] {
  const n = 20;
  const phase = rng.range(0, Math.PI * 2);
  const wobble = rng.range(0.06, 0.16);
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const k = 1 + wobble * Math.sin(3 * a + phase);
    return [cx + rx * k * Math.cos(a), cy + ry * k * Math.sin(a)];
  });
}

/** A river from west to east as a band: its centre line meanders, its banks are offsets of it. */
function river(rng: Rng): Xy[] {
  const y0 = rng.range(-4_500, -3_000);
  const amplitude = rng.range(900, 1_500);
  const phase = rng.range(0, Math.PI * 2);
  const centre: Xy[] = [];
  for (let x = -17_000; x <= 17_000; x += 500) centre.push([x, y0 + amplitude * Math.sin(x / 3_800 + phase) + 300 * Math.sin(x / 1_300)]);
  const side = (sign: number): Xy[] =>
    centre.map(([x, y], i) => {
      const [px, py] = centre[Math.max(0, i - 1)];
      const [nx, ny] = centre[Math.min(centre.length - 1, i + 1)];
      const len = Math.hypot(nx - px, ny - py) || 1;
      return [x - (sign * RIVER_HALF_WIDTH * (ny - py)) / len, y + (sign * RIVER_HALF_WIDTH * (nx - px)) / len];
    });
  return [...side(1), ...side(-1).reverse()];
}

/** Random points inside the outline, at least `gap` metres from each other and from `avoid`. */
function spots(rng: Rng, outline: readonly Xy[], count: number, gap: number, avoid: readonly Xy[]): Xy[] {
  const out: Xy[] = [];
  for (let tries = 0; out.length < count && tries < 2_000; tries++) {
    const p: Xy = [rng.range(-12_000, 12_000), rng.range(-12_000, 12_000)];
    if (!pointInRing(p[0], p[1], outline)) continue;
    if ([...out, ...avoid].some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < gap)) continue;
    out.push(p);
  }
  return out;
}

/** The parts of the segment from→to inside the outline, sampled every 100 m (a street ends at the city's edge). */
function insideRuns(from: Xy, to: Xy, outline: readonly Xy[]): Xy[][] {
  const steps = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) / 100));
  const runs: Xy[][] = [];
  let run: Xy[] = [];
  for (let k = 0; k <= steps; k++) {
    const p: Xy = [from[0] + ((to[0] - from[0]) * k) / steps, from[1] + ((to[1] - from[1]) * k) / steps];
    if (pointInRing(p[0], p[1], outline)) run.push(p);
    else if (run.length) {
      if (run.length > 1) runs.push([run[0], run[run.length - 1]]);
      run = [];
    }
  }
  if (run.length > 1) runs.push([run[0], run[run.length - 1]]);
  return runs;
}

export function basemapGeoJson(seed: number, outline: readonly Xy[], streets: readonly Street[]): string {
  const rng = mulberry32(seed + STREAM);
  const feature = (kind: string, name: string, geometry: object) => ({ type: 'Feature', properties: { kind, name }, geometry });
  const water = [feature('water', 'Sample River', { type: 'Polygon', coordinates: [ring(river(rng))] })];
  const [lake, ...parks] = spots(rng, outline, 1 + PARKS, 2_500, []);
  if (lake) water.push(feature('water', 'Mirror Lake', { type: 'Polygon', coordinates: [ring(blob(rng, lake, rng.range(600, 900), rng.range(400, 600)))] }));
  const green = parks.map((p, k) => feature('park', `Park ${k + 1}`, { type: 'Polygon', coordinates: [ring(blob(rng, p, rng.range(300, 700), rng.range(300, 700)))] }));
  const roads = streets
    .filter((s) => s.type === 'Boulevard' || s.type === 'Avenue')
    .map((s) => ({ s, runs: insideRuns(s.from, s.to, outline) }))
    .filter(({ runs }) => runs.length > 0)
    .map(({ s, runs }) => feature('road', `${s.stem} ${s.type}`, { type: 'MultiLineString', coordinates: runs.map((r) => r.map(toLonLat)) }));
  return `${JSON.stringify({ type: 'FeatureCollection', features: [...water, ...green, ...roads] })}\n`;
}
