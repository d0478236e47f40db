/**
 * Points of interest by category. Each category has its own pull toward the centres: offices crowd
 * the central business district (population^2 and the Central centre), schools follow people
 * (population^1), restaurants and shops sit in between.
 */
import { CELL_METRES, type Centre, type DemandGrid } from './city.ts';
import type { Xy } from './plane.ts';
import { weightedSampler, type Rng } from './prng.ts';

export interface Poi {
  id: string;
  xy: Xy;
  category: string;
  weight: number;
}

const CATEGORIES = [
  { category: 'restaurant', count: 2400, exponent: 1.5, weight: 1 },
  { category: 'retail', count: 1800, exponent: 1.5, weight: 1 },
  { category: 'office', count: 900, exponent: 2.2, weight: 2 },
  { category: 'school', count: 320, exponent: 1, weight: 2 },
  { category: 'hospital', count: 36, exponent: 1.2, weight: 5 },
  { category: 'mall', count: 30, exponent: 2, weight: 5 },
];

export function makePois(rng: Rng, demand: DemandGrid, centres: readonly Centre[]): Poi[] {
  const [cx, cy] = centres[0].xy;
  const out: Poi[] = [];
  for (const c of CATEGORIES) {
    const weights = demand.population.map((p, i) => {
      const cbd = c.category === 'office' ? Math.exp(-Math.hypot(demand.xy[i][0] - cx, demand.xy[i][1] - cy) / 3000) : 1;
      return p ** c.exponent * cbd;
    });
    const draw = weightedSampler(weights, rng);
    for (let i = 0; i < c.count; i++) {
      const [x, y] = demand.xy[draw()];
      const h = CELL_METRES / 2;
      out.push({
        id: `P${String(out.length + 1).padStart(5, '0')}`,
        xy: [x + rng.range(-h, h), y + rng.range(-h, h)],
        category: c.category,
        weight: c.weight,
      });
    }
  }
  return out;
}
