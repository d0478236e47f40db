/**
 * Forecasts on two threads (src/node/forecast-pool.ts): a hand-worked case forecast by the worker
 * alone, and a generated market whose forecasts are the very bytes of forecastSites on one thread,
 * whether the worker takes every chunk or shares them with the caller.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import type { Calibration } from '../../src/forecast/calibration.ts';
import { forecastSites, shapeOf, type SiteForecasts, type SitesToForecast } from '../../src/forecast/forecast-sites.ts';
import { prepareHuff, type ForecastPoints } from '../../src/forecast/huff-data.ts';
import { marketState } from '../../src/forecast/market-state.ts';
import { createForecastPool } from '../../src/node/forecast-pool.ts';
import { randomSites, syntheticMarket } from '../forecast/synthetic-market.ts';

const KM = 1 / 111.19508372419141;
const workerOnly = createForecastPool({ minSites: 1, callerHelps: false });
const shared = createForecastPool({ minSites: 1 });
afterAll(async () => { await workerOnly.close(); await shared.close(); });

function marketOf(calibration: Calibration, points: ForecastPoints) {
  const shape = shapeOf(calibration);
  const prepared = prepareHuff(points, shape, calibration.attributeMeans, { cellMetres: calibration.demandCells?.metres, forForecast: true });
  return { prepared, state: marketState(shape, prepared.data, Float64Array.from(calibration.theta)) };
}

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('forecast pool', () => {
  it('the worker alone: A at 0 km, B at 2 km, 100 people at 1 km and at 3 km, β = 2; a site at 4 km takes 1400/190 from A and 8600/190 from B, a site without coordinates gets NaN', async () => {
    // As in test/forecast/site-transfers.test.ts: at 1 km P_c = 1/19, P_A = P_B = 1/2; at 3 km P_c = 9/19, P_A = 1/10, P_B = 9/10.
    const calibration: Calibration = {
      version: 1, model: 'huff-mci', observed: 'sales', demandColumn: 'population', decay: 'power', fitAlpha: false, cutoff: 5000, floor: 50,
      n: 2, scale: 1, alpha: 1, beta: 2, coefficients: {}, attributeMeans: {}, se: {}, intervals: {}, parameterNames: ['log_scale', 'beta'],
      theta: [0, 2], covariance: [0, 0, 0, 0], dispersion: 1, residual_cv: 0, r2: 1, mape: 0, cv_mape: 0, folds: 2,
      baseline_cv_mape: 0, baseline: { radius: 1000, intercept: 0, slope: 0 }, iterations: 0, outlets: [], warnings: [],
    };
    const at = (km: number[]) => ({ lon: Float64Array.from(km, (x) => x * KM), lat: new Float64Array(km.length) });
    const points = { demand: { ...at([1, 3]), weight: Float64Array.of(100, 100) }, own: { ...at([0, 2]), weight: Float64Array.of(1, 1) }, competitors: { ...at([]), weight: new Float64Array(0) }, attributes: {} };
    const { prepared, state } = marketOf(calibration, points);
    const out = await workerOnly.forecast(calibration, prepared, state, { lon: Float64Array.of(NaN, 4 * KM), lat: Float64Array.of(0, 0), attractiveness: Float64Array.of(1, 1), z: new Float64Array(0) });
    expect(out.workerSites).toBe(2);
    expect(out.forecast[0]).toBeNaN();
    expect(out.transfers[0]).toEqual([]);
    expect(out.transfers[1].map((t) => t.outlet)).toEqual([1, 0]);
    // 1e-6: the market keeps the own outlets' distance terms in single precision (outlet-pairs.ts).
    expect(relative(out.transfers[1][0].amount, 8600 / 190)).toBeLessThan(1e-6);
    expect(relative(out.transfers[1][1].amount, 1400 / 190)).toBeLessThan(1e-6);
    expect(relative(out.forecast[1], 1000 / 19)).toBeLessThan(1e-6);
    expect(Math.abs(out.net[1])).toBeLessThan(1e-9); // no competitors: every customer is taken from an own outlet
  });

  it('3 001 sites of a generated market (6 chunks, two invalid): the same bytes as one thread, by the worker alone and shared with the caller', async () => {
    const market = syntheticMarket(7, { alpha: 1.1, beta: 1.7, scale: 0.4, noise: 0.05 });
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const calibration = calibrateModel(points, { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50, observed: market.observed, ids: market.ids, folds: 2 });
    const sites: SitesToForecast = randomSites(3, 3001);
    sites.lon[17] = NaN;
    sites.attractiveness[40] = 0;
    const { prepared, state } = marketOf(calibration, points);
    const one = forecastSites(calibration, prepared, state, sites);
    const same = (out: SiteForecasts) => {
      for (const key of ['forecast', 'low', 'high', 'cannibalised', 'net'] as const) expect(bytes(out[key]).equals(bytes(one[key]))).toBe(true);
      expect(out.transfers).toEqual(one.transfers);
    };
    const byWorker = await workerOnly.forecast(calibration, prepared, state, sites);
    expect(byWorker.workerSites).toBe(3001);
    same(byWorker);
    const byBoth = await shared.forecast(calibration, prepared, state, sites);
    same(byBoth);
    expect(one.transfers.filter((list) => list.length === 5).length).toBeGreaterThan(2500); // most sites name five outlets
    expect(one.forecast[17]).toBeNaN();
  });
});
