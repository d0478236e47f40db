/**
 * The own outlets' observed deposits (issue 15): a known Huff model with multiplicative noise, so
 * notebooks/06-forecast.ts can show a calibration recovering the parameters. The model is the one
 * `siteselect calibrate` fits — A = outlet-type attractiveness (the scenario defaults) × the
 * attractiveness column, competitors by their attractiveness, cut-off 5 km, floor 50 m — written
 * pair by pair (src/criteria/huff-matrix.ts). Its own random stream, so the other files do not move.
 */
import { huffProbabilities } from '../../src/criteria/huff-matrix.ts';
import { Scenario } from '../../src/scenario/scenario.ts';
import { normal, mulberry32 } from '../../src/sensitivity/random.ts';

/** The truth the sample's deposits come from (deposits in 10 000 CNY; s per resident). */
export const DEPOSITS_TRUTH = { alpha: 0.8, beta: 1.6, scale: 2.5, noise: 0.05 } as const;

export interface LonLatOutlet {
  lon: number;
  lat: number;
  type?: string;
  attractiveness: number;
}

export function observedDeposits(seed: number, demand: { lon: number[]; lat: number[]; population: number[] }, own: LonLatOutlet[], competitors: LonLatOutlet[]): number[] {
  const types = Scenario.parse({ version: 1, name: 'defaults', criteria: [{ id: 'demand', kind: 'demand' }] }).outletTypes;
  const ownA = own.map((o) => o.attractiveness * (types[o.type ?? '']?.attractiveness ?? 1));
  const all = [...own, ...competitors];
  const outlets = {
    lon: Float64Array.from(all, (o) => o.lon),
    lat: Float64Array.from(all, (o) => o.lat),
    weight: Float64Array.from([...ownA, ...competitors.map((c) => c.attractiveness)]),
  };
  const points = { lon: Float64Array.from(demand.lon), lat: Float64Array.from(demand.lat) };
  const p = huffProbabilities(points, outlets, { alpha: DEPOSITS_TRUTH.alpha, beta: DEPOSITS_TRUTH.beta, cutoff: 5000, floor: 50 });
  const m = all.length;
  const rnd = mulberry32(seed + 15);
  return own.map((_, j) => {
    let captured = 0;
    for (let i = 0; i < demand.population.length; i++) captured += demand.population[i] * p[i * m + j];
    const noise = Math.exp(DEPOSITS_TRUTH.noise * normal(rnd) - DEPOSITS_TRUTH.noise ** 2 / 2);
    return Math.round(10 * DEPOSITS_TRUTH.scale * captured * noise) / 10;
  });
}
