/**
 * A generated market with a known Huff model: clustered demand, own outlets and competitors with
 * log-normal attractiveness, and each own outlet's total from the reference Huff probabilities
 * (src/criteria/huff-matrix.ts, written pair by pair) times a scale, with multiplicative noise.
 */
import { huffProbabilities } from '../../src/criteria/huff-matrix.ts';
import type { WeightedPoints } from '../../src/kernel/types.ts';
import { mulberry32, normal } from '../../src/sensitivity/random.ts';

export interface MarketTruth {
  alpha: number;
  beta: number;
  scale: number;
  /** γ of an own-outlet attribute "area" (0: no attribute). */
  gammaArea?: number;
  /** Standard deviation of the multiplicative noise (0.05 = 5 %). */
  noise: number;
}

export interface Market {
  demand: WeightedPoints;
  own: WeightedPoints;
  competitors: WeightedPoints;
  area: Float64Array;
  observed: Float64Array;
  ids: string[];
}

const KM = 1 / 111.195;

export function syntheticMarket(seed: number, truth: MarketTruth, sizes = { demand: 2500, own: 40, competitors: 30 }): Market {
  const rnd = mulberry32(seed);
  const centres = Array.from({ length: 5 }, () => [rnd() * 16 + 2, rnd() * 16 + 2]);
  const scatter = (n: number, spread: number) => {
    const lon = new Float64Array(n), lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [cx, cy] = centres[Math.floor(rnd() * centres.length)];
      lon[i] = 120 + (cx + spread * normal(rnd)) * KM;
      lat[i] = 30 + (cy + spread * normal(rnd)) * KM;
    }
    return { lon, lat };
  };
  const demandAt = scatter(sizes.demand, 3);
  const demand = { ...demandAt, weight: Float64Array.from({ length: sizes.demand }, () => 50 + 950 * rnd()) };
  const ownAt = scatter(sizes.own, 3.5);
  const own = { ...ownAt, weight: Float64Array.from({ length: sizes.own }, () => Math.exp(0.6 * normal(rnd))) };
  const area = Float64Array.from({ length: sizes.own }, () => 200 * Math.exp(0.5 * normal(rnd)));
  const rivalAt = scatter(sizes.competitors, 3.5);
  const competitors = { ...rivalAt, weight: Float64Array.from({ length: sizes.competitors }, () => Math.exp(0.6 * normal(rnd))) };
  // Own attractiveness in the truth: A^α · (area/ḡ)^γ, written as an effective A for α.
  const gMean = Math.exp(area.reduce((s, a) => s + Math.log(a), 0) / area.length);
  const effective = own.weight.map((a, j) => (a ** truth.alpha * (area[j] / gMean) ** (truth.gammaArea ?? 0)) ** (1 / truth.alpha));
  const outlets = {
    lon: Float64Array.from([...own.lon, ...competitors.lon]),
    lat: Float64Array.from([...own.lat, ...competitors.lat]),
    weight: Float64Array.from([...effective, ...competitors.weight]),
  };
  const p = huffProbabilities(demand, outlets, { alpha: truth.alpha, beta: truth.beta, cutoff: 5000, floor: 50 });
  const total = outlets.lon.length;
  const observed = new Float64Array(sizes.own);
  for (let i = 0; i < sizes.demand; i++) for (let j = 0; j < sizes.own; j++) observed[j] += demand.weight[i] * p[i * total + j];
  for (let j = 0; j < sizes.own; j++) observed[j] *= truth.scale * Math.exp(truth.noise * normal(rnd) - (truth.noise * truth.noise) / 2);
  return { demand, own, competitors, area, observed, ids: Array.from({ length: sizes.own }, (_, j) => `B${j + 1}`) };
}

/** `count` sites spread over the market's square (1–19 km), attractiveness 0.5–1.5, and `attributes` z columns in ±0.5. */
export function randomSites(seed: number, count: number, attributes = 0): { lon: Float64Array; lat: Float64Array; attractiveness: Float64Array; z: Float64Array } {
  const rnd = mulberry32(seed);
  return {
    lon: Float64Array.from({ length: count }, () => 120 + (1 + 18 * rnd()) * KM),
    lat: Float64Array.from({ length: count }, () => 30 + (1 + 18 * rnd()) * KM),
    attractiveness: Float64Array.from({ length: count }, () => 0.5 + rnd()),
    z: Float64Array.from({ length: attributes * count }, () => rnd() - 0.5),
  };
}
