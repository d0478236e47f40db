/**
 * The forecast's sums over demand run in the kernel's WebAssembly SIMD scan for any power β or
 * exponential λ (src/kernel/wasm/forecast-wat.ts), with the JavaScript scan as the fallback: hand-worked
 * cases with β = 1.5 and λ = 1 km, and the two scans equal on seeded markets (with and without α,
 * with attributes, transfers included).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import type { Calibration } from '../../src/forecast/calibration.ts';
import { forecastSites, shapeOf, type SiteForecasts, type SitesToForecast } from '../../src/forecast/forecast-sites.ts';
import { prepareHuff, type ForecastPoints } from '../../src/forecast/huff-data.ts';
import { marketState } from '../../src/forecast/market-state.ts';
import { buildGrid } from '../../src/kernel/grid.ts';
import { bindForecastScan } from '../../src/kernel/wasm/forecast-scan.ts';
import { setSimdEnabled } from '../../src/kernel/wasm/simd-scans.ts';
import { randomSites, syntheticMarket } from './synthetic-market.ts';

const KM = 1 / 111.19508372419141;
const common = { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50 };

afterEach(() => setSimdEnabled(true));

function forecastBoth(calibration: Calibration, points: ForecastPoints, sites: SitesToForecast): { simd: SiteForecasts; js: SiteForecasts } {
  const shape = shapeOf(calibration);
  const prepared = prepareHuff(points, shape, calibration.attributeMeans, { cellMetres: calibration.demandCells?.metres, forForecast: true });
  const state = marketState(shape, prepared.data, Float64Array.from(calibration.theta));
  return { simd: forecastSites(calibration, prepared, state, sites), js: forecastSites(calibration, prepared, state, sites, { simd: false }) };
}

/** Own outlets A, B, C at 0, 2, 4 km on the equator, 100 people at 1 km and at 3 km; a site at 5 km. */
function paperCase(u: (km: number) => number) {
  const at = (km: number[]) => ({ lon: Float64Array.from(km, (x) => x * KM), lat: new Float64Array(km.length) });
  const points = { demand: { ...at([1, 3]), weight: Float64Array.of(100, 100) }, own: { ...at([0, 2, 4]), weight: Float64Array.of(1, 1, 1) }, competitors: { ...at([]), weight: new Float64Array(0) }, attributes: {} };
  // Exact totals of the model (scale 1): at 1 km the outlets are 1, 1, 3 km away; at 3 km 3, 1, 1.
  const s = 2 * u(1) + u(3);
  const observed = Float64Array.of(100 * (u(1) + u(3)) / s, 200 * u(1) / s, 100 * (u(3) + u(1)) / s);
  const sites = { ...at([5]), attractiveness: Float64Array.of(1), z: new Float64Array(0) };
  // The site is 4 km from the first point and 2 km from the second.
  const forecast = 100 * (u(4) / (s + u(4)) + u(2) / (s + u(2)));
  return { points, observed, sites, forecast };
}

describe('forecast scan (SIMD) for any decay', () => {
  it('power β = 1.5 worked by hand: 100·(⅛/(S + ⅛) + 2^−1.5/(S + 2^−1.5)), S = 2 + 3^−1.5, = 19.2805', () => {
    const u = (km: number) => km ** -1.5;
    const { points, observed, sites, forecast } = paperCase(u);
    const calibration = calibrateModel(points, { ...common, ids: ['A', 'B', 'C'], folds: 3, fitAlpha: false, observed });
    expect(calibration.beta).toBeCloseTo(1.5, 6);
    const { simd, js } = forecastBoth(calibration, points, sites);
    expect(forecast).toBeCloseTo(19.2805, 4);
    expect(simd.forecast[0]).toBeCloseTo(forecast, 4);
    expect(js.forecast[0]).toBeCloseTo(forecast, 4);
    // Every customer of the site comes from A, B or C: the net is 0.
    expect(simd.net[0]).toBeCloseTo(0, 6);
  });

  it('exponential λ = 1 km worked by hand: 100·(e^−4/(S + e^−4) + e^−2/(S + e^−2)), S = 2e^−1 + e^−3, = 16.9747', () => {
    const u = (km: number) => Math.exp(-km);
    const { points, observed, sites, forecast } = paperCase(u);
    const calibration = calibrateModel(points, { ...common, ids: ['A', 'B', 'C'], folds: 3, fitAlpha: false, decay: 'exponential', observed });
    expect(calibration.lambda).toBeCloseTo(1000, 2);
    const { simd, js } = forecastBoth(calibration, points, sites);
    expect(forecast).toBeCloseTo(16.9747, 4);
    expect(simd.forecast[0]).toBeCloseTo(forecast, 4);
    expect(js.forecast[0]).toBeCloseTo(forecast, 4);
  });

  const cases: { name: string; decay: 'power' | 'exponential'; area: boolean; fitAlpha?: boolean }[] = [
    { name: 'power, α fitted (2 gradient columns)', decay: 'power', area: false },
    { name: 'exponential, α fitted', decay: 'exponential', area: false },
    { name: 'power, α fixed, one attribute (2 columns)', decay: 'power', area: true },
    { name: 'power, α and one attribute fitted (3 columns)', decay: 'power', area: true, fitAlpha: true },
  ];
  for (const { name, decay, area, fitAlpha } of cases) {
    it(`equals the JavaScript scan to 1e-10 on a seeded market: ${name}`, () => {
      const market = syntheticMarket(11, { alpha: 1.1, beta: 1.6, scale: 0.4, noise: 0.05, gammaArea: area ? 0.5 : 0 });
      const attributes: Record<string, Float64Array> = area ? { area: market.area } : {};
      const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes };
      const calibration = calibrateModel(points, { ...common, decay, fitAlpha, observed: market.observed, ids: market.ids, folds: 2 });
      const count = 60;
      const sites: SitesToForecast = randomSites(5, count, area ? 1 : 0);
      const { simd, js } = forecastBoth(calibration, points, sites);
      const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
      let reached = 0;
      for (let c = 0; c < count; c++) {
        for (const key of ['forecast', 'low', 'high', 'cannibalised'] as const) expect(relative(simd[key][c], js[key][c])).toBeLessThan(1e-10);
        expect(simd.transfers[c].map((t) => t.outlet)).toEqual(js.transfers[c].map((t) => t.outlet));
        simd.transfers[c].forEach((t, i) => expect(relative(t.amount, js.transfers[c][i].amount)).toBeLessThan(1e-10));
        if (js.forecast[c] > 0) reached++;
      }
      expect(reached).toBeGreaterThan(count / 2); // the sites are inside the market, not beside it
    });
  }

  it('takes 1 to 4 gradient columns; more (or SIMD off) leave it to the JavaScript scan', () => {
    const grid = buildGrid({ lon: Float64Array.of(0, 0.01), lat: Float64Array.of(0, 0) });
    const columns = (g: number) => ({ weight: Float64Array.of(1, 1), ownWeight: new Float64Array(2), total: Float64Array.of(1, 1), gradients: Array.from({ length: g }, () => new Float64Array(2)) });
    expect(bindForecastScan(grid, columns(1), 'power', 4)).not.toBeNull();
    expect(bindForecastScan(grid, columns(4), 'exponential', 4)).not.toBeNull();
    expect(bindForecastScan(grid, columns(5), 'power', 4)).toBeNull();
    setSimdEnabled(false);
    expect(bindForecastScan(grid, columns(2), 'power', 4)).toBeNull();
  });
});
