/**
 * Forecasts of new sites: the paper case extended by a site, agreement with the project's Huff
 * criterion (kernel path) on a generated market, and interval coverage of the truth.
 */
import { describe, expect, it } from 'vitest';
import { huffProbabilities } from '../../src/criteria/huff-matrix.ts';
import { siteHuff } from '../../src/criteria/huff.ts';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import type { Calibration } from '../../src/forecast/calibration.ts';
import { forecastSites, shapeOf } from '../../src/forecast/forecast-sites.ts';
import { prepareHuff, type ForecastPoints } from '../../src/forecast/huff-data.ts';
import { marketState } from '../../src/forecast/market-state.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { mulberry32, normal } from '../../src/sensitivity/random.ts';
import { syntheticMarket } from './synthetic-market.ts';

const KM = 1 / 111.19508372419141;
const common = { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50 };

function run(calibration: Calibration, points: ForecastPoints, sites: { lon: Float64Array; lat: Float64Array; attractiveness: Float64Array }) {
  const shape = shapeOf(calibration);
  const prepared = prepareHuff(points, shape, calibration.attributeMeans, { forForecast: true });
  const state = marketState(shape, prepared.data, Float64Array.from(calibration.theta));
  return forecastSites(calibration, prepared, state, { ...sites, z: new Float64Array(0) });
}

describe('forecast of a new site', () => {
  it('paper case: a site at 5 km takes 9/313 at the 1 km point and 9/85 at the 3 km point, all of it from A, B, C', () => {
    const at = (km: number[]) => ({ lon: Float64Array.from(km, (x) => x * KM), lat: new Float64Array(km.length) });
    const points = { demand: { ...at([1, 3]), weight: Float64Array.from([100, 100]) }, own: { ...at([0, 2, 4]), weight: Float64Array.from([1, 1, 1]) }, competitors: { ...at([]), weight: new Float64Array(0) }, attributes: {} };
    const calibration = calibrateModel(points, { ...common, ids: ['A', 'B', 'C'], folds: 3, fitAlpha: false, observed: Float64Array.from([2000 / 19, 3600 / 19, 2000 / 19]) });
    const out = run(calibration, points, { ...at([5]), attractiveness: Float64Array.from([1]) });
    // At 1 km: S = 1 + 1 + 1/9 = 19/9, t = 1/16 → 9/313; at 3 km: S = 19/9, t = 1/4 → 9/85.
    expect(out.forecast[0]).toBeCloseTo(200 * (9 / 313 + 9 / 85), 3);
    const transfer = (a1: number, a3: number) => 200 * (a1 * (9 / 313) + a3 * (9 / 85));
    expect(out.transfers[0].map((t) => t.outlet)).toEqual([1, 2, 0]);
    expect(out.transfers[0][0].amount).toBeCloseTo(transfer(9 / 19, 9 / 19), 3); // B
    expect(out.transfers[0][1].amount).toBeCloseTo(transfer(1 / 19, 9 / 19), 3); // C
    expect(out.transfers[0][2].amount).toBeCloseTo(transfer(9 / 19, 1 / 19), 3); // A
    // No competitors, every demand point already served: a new own site only moves customers.
    expect(out.cannibalised[0]).toBeCloseTo(out.forecast[0], 6);
    expect(out.net[0]).toBeCloseTo(0, 6);
  });

  it('agrees with the Huff criterion (kernel): forecast = s · capture, cannibalised = s · cannibalisation', async () => {
    const market = syntheticMarket(3, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 });
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const calibration = calibrateModel(points, { ...common, observed: market.observed, ids: market.ids });
    const rnd = mulberry32(9);
    const sites = { lon: Float64Array.from({ length: 30 }, () => 120 + (2 + 16 * rnd()) * KM), lat: Float64Array.from({ length: 30 }, () => 30 + (2 + 16 * rnd()) * KM), attractiveness: Float64Array.from({ length: 30 }, () => 0.5 + rnd()) };
    const out = run(calibration, points, sites);
    const huff = await siteHuff(createKernel(), { lon: sites.lon, lat: sites.lat, weight: sites.attractiveness }, market.demand, market.own, market.competitors,
      { alpha: calibration.alpha, beta: calibration.beta!, cutoff: 5000, floor: 50 });
    for (let c = 0; c < 30; c++) {
      // The pairs keep their distance term in single precision: log d to ~6e-8, u to ~1e-6 relative.
      expect(Math.abs(out.forecast[c] / (calibration.scale * huff.capture[c]) - 1)).toBeLessThan(2e-6);
      expect(Math.abs(out.cannibalised[c] / (calibration.scale * huff.cannibalisation[c]) - 1)).toBeLessThan(2e-6);
      expect(out.low[c]).toBeLessThan(out.forecast[c]);
      expect(out.high[c]).toBeGreaterThan(out.forecast[c]);
      expect(out.transfers[c].length).toBeLessThanOrEqual(5);
    }
    // Without transfers (top 0) the totals are the same, from the per-point own share.
    const shape = shapeOf(calibration);
    const prepared = prepareHuff(points, shape, {}, { forForecast: true });
    const bare = forecastSites(calibration, prepared, marketState(shape, prepared.data, Float64Array.from(calibration.theta)), { ...sites, z: new Float64Array(0) }, { top: 0 });
    expect(bare.transfers.every((t) => t.length === 0)).toBe(true);
    bare.cannibalised.forEach((v, c) => expect(v).toBeCloseTo(out.cannibalised[c], 6));
  });

  it('the 95 % interval holds the true total of a new site about 95 % of the time (≥ 85 % of 90)', () => {
    let held = 0, count = 0;
    for (let seed = 30; seed < 36; seed++) {
      const truth = { alpha: 1, beta: 2, scale: 0.5, noise: 0.08 };
      const market = syntheticMarket(seed, truth);
      const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
      const calibration = calibrateModel(points, { ...common, folds: 2, observed: market.observed, ids: market.ids });
      const rnd = mulberry32(seed);
      const sites = { lon: new Float64Array(15), lat: new Float64Array(15), attractiveness: new Float64Array(15) };
      for (let c = 0; c < 15; c++) {
        sites.lon[c] = market.own.lon[c] + (rnd() - 0.5) * 4 * KM;
        sites.lat[c] = market.own.lat[c] + (rnd() - 0.5) * 4 * KM;
        sites.attractiveness[c] = Math.exp(0.6 * normal(rnd));
      }
      const out = run(calibration, points, sites);
      for (let c = 0; c < 15; c++) {
        // The truth: the site added to the market, probabilities pair by pair, with the same noise.
        const outlets = { lon: Float64Array.from([sites.lon[c], ...market.own.lon, ...market.competitors.lon]), lat: Float64Array.from([sites.lat[c], ...market.own.lat, ...market.competitors.lat]), weight: Float64Array.from([sites.attractiveness[c], ...market.own.weight, ...market.competitors.weight]) };
        const p = huffProbabilities(market.demand, outlets, { ...truth, cutoff: 5000, floor: 50 });
        let mean = 0;
        for (let i = 0; i < market.demand.weight.length; i++) mean += market.demand.weight[i] * p[i * outlets.lon.length];
        const actual = truth.scale * mean * Math.exp(truth.noise * normal(rnd) - truth.noise ** 2 / 2);
        count++;
        if (out.low[c] <= actual && actual <= out.high[c]) held++;
      }
    }
    expect(held / count).toBeGreaterThanOrEqual(0.85);
  });
});
