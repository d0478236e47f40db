/**
 * Competitor brands and the own network. Outlets are drawn from the population grid with a weight
 * that grows faster than population (population^1.4), so they cluster toward demand and the centres,
 * then jittered inside their 300 m cell.
 */
import { CELL_METRES, type DemandGrid } from './city.ts';
import type { Xy } from './plane.ts';
import { weightedSampler, type Rng } from './prng.ts';

export interface Outlet {
  id: string;
  xy: Xy;
  name: string;
  brand: string;
  type: string;
  attractiveness: number;
  opened?: number;
}

/** count, base attractiveness (1–5 scale) and share of self-service machines per brand. */
const BRANDS = [
  { brand: 'Pacific Bank', count: 110, base: 3.8, selfService: 0.35 },
  { brand: 'Crown Savings', count: 85, base: 3.2, selfService: 0.3 },
  { brand: 'Union Trust', count: 65, base: 2.9, selfService: 0.25 },
  { brand: 'Metro Credit', count: 50, base: 2.4, selfService: 0.45 },
  { brand: 'Harbour Finance', count: 35, base: 3.5, selfService: 0.2 },
];

const NETWORK = [
  { type: 'branch', count: 42, lo: 3.5, hi: 5 },
  { type: 'self-service', count: 70, lo: 1, hi: 2 },
  { type: 'agent', count: 58, lo: 1, hi: 2.5 },
];

export const OWN_BRAND = 'Sample Bank';

function jittered(rng: Rng, demand: DemandGrid, cell: number): Xy {
  const [x, y] = demand.xy[cell];
  const h = CELL_METRES / 2;
  return [x + rng.range(-h, h), y + rng.range(-h, h)];
}

const oneDecimal = (v: number): number => Math.round(Math.min(5, Math.max(1, v)) * 10) / 10;

export function makeCompetitors(rng: Rng, demand: DemandGrid): Outlet[] {
  const draw = weightedSampler(demand.population.map((p) => p ** 1.4), rng);
  const out: Outlet[] = [];
  for (const b of BRANDS) {
    for (let i = 0; i < b.count; i++) {
      const selfService = rng.next() < b.selfService;
      out.push({
        id: `K${String(out.length + 1).padStart(4, '0')}`,
        xy: jittered(rng, demand, draw()),
        name: `${b.brand} ${selfService ? 'ATM' : 'branch'} ${i + 1}`,
        brand: b.brand,
        type: selfService ? 'self-service' : 'branch',
        attractiveness: oneDecimal(selfService ? 1 + rng.next() : b.base + rng.normal() * 0.5),
      });
    }
  }
  return out;
}

export function makeNetwork(rng: Rng, demand: DemandGrid): Outlet[] {
  const draw = weightedSampler(demand.population.map((p) => p ** 1.2), rng);
  const out: Outlet[] = [];
  for (const n of NETWORK) {
    for (let i = 0; i < n.count; i++) {
      out.push({
        id: `N${String(out.length + 1).padStart(3, '0')}`,
        xy: jittered(rng, demand, draw()),
        name: `${OWN_BRAND} ${n.type} ${i + 1}`,
        brand: OWN_BRAND,
        type: n.type,
        attractiveness: oneDecimal(rng.range(n.lo, n.hi)),
        opened: rng.int(1995, 2025),
      });
    }
  }
  return out;
}
