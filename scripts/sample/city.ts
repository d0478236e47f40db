/**
 * The city's shape and its people: an irregular outline about 28 km across, a handful of centres of
 * different size, and a population grid (300 m cells) whose density decays outward from each centre.
 */
import type { Rng } from './prng.ts';
import { pointInRing, type Xy } from './plane.ts';

export const CELL_METRES = 300;
export const TOTAL_POPULATION = 2_400_000;

export interface Centre {
  name: string;
  xy: Xy;
  /** Relative peak density. */
  strength: number;
  /** e-folding distance of the density, metres. */
  scale: number;
}

export interface DemandGrid {
  xy: Xy[];
  population: number[];
  /** Median household income, a second demand column (higher near the centres). */
  income: number[];
}

export function makeOutline(rng: Rng): Xy[] {
  const ring: Xy[] = [];
  const vertices = 36;
  const phase = rng.range(0, Math.PI);
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * i) / vertices;
    const radius = 13_000 + 900 * Math.sin(3 * angle + phase) + rng.range(-350, 350);
    ring.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

export function makeCentres(rng: Rng): Centre[] {
  const jitter = (v: number): number => v + rng.range(-600, 600);
  return [
    { name: 'Central', xy: [jitter(-800), jitter(500)], strength: 1, scale: 2600 },
    { name: 'North Harbour', xy: [jitter(3500), jitter(7500)], strength: 0.6, scale: 1900 },
    { name: 'Westgate', xy: [jitter(-7800), jitter(-1500)], strength: 0.5, scale: 2200 },
    { name: 'East Park', xy: [jitter(7800), jitter(-2500)], strength: 0.45, scale: 1700 },
    { name: 'South Bay', xy: [jitter(-1500), jitter(-8000)], strength: 0.35, scale: 1600 },
  ];
}

export function densityAt([x, y]: Xy, centres: readonly Centre[]): number {
  let d = 0.04; // suburban background
  for (const c of centres) d += c.strength * Math.exp(-Math.hypot(x - c.xy[0], y - c.xy[1]) / c.scale);
  return d;
}

/** Integer populations summing to exactly TOTAL_POPULATION (largest remainder rounding). */
export function makeDemand(rng: Rng, outline: readonly Xy[], centres: readonly Centre[]): DemandGrid {
  const xy: Xy[] = [];
  const raw: number[] = [];
  const half = 14_400;
  for (let y = -half + CELL_METRES / 2; y < half; y += CELL_METRES) {
    for (let x = -half + CELL_METRES / 2; x < half; x += CELL_METRES) {
      if (!pointInRing(x, y, outline)) continue;
      xy.push([x, y]);
      raw.push(densityAt([x, y], centres) * rng.range(0.6, 1.4));
    }
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  const exact = raw.map((r) => (r / sum) * TOTAL_POPULATION);
  const population = exact.map(Math.floor);
  let short = TOTAL_POPULATION - population.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; short > 0; k++, short--) population[order[k][1]] += 1;
  const income = xy.map((p) => Math.round((38_000 + 60_000 * Math.min(1, densityAt(p, centres))) * rng.range(0.8, 1.2) / 100) * 100);
  return { xy, population, income };
}
