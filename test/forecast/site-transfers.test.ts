/**
 * Transfers summed a tile of sites at a time (src/forecast/site-transfers.ts, transfers-wat.ts):
 * a hand-worked 2-point, 2-outlet, 1-site case; every site of a generated market against the
 * definition transfer_cj = s Σ_i w_i P_ic P_ij written out here pair by pair (haversine distances,
 * P_ij from the market state); a site's transfers the same alone as among 100 others; the top-k cut.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import type { Calibration } from '../../src/forecast/calibration.ts';
import { groupDemand } from '../../src/forecast/demand-cells.ts';
import { forecastSites, shapeOf, type SitesToForecast } from '../../src/forecast/forecast-sites.ts';
import { prepareHuff, type ForecastPoints } from '../../src/forecast/huff-data.ts';
import { marketState } from '../../src/forecast/market-state.ts';
import { largestTransfers } from '../../src/forecast/site-transfers.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { TRANSFER_LANES } from '../../src/kernel/wasm/transfers-wat.ts';
import { setSimdEnabled } from '../../src/kernel/wasm/simd-scans.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';
import { randomSites, syntheticMarket } from './synthetic-market.ts';

const KM = 1 / 111.19508372419141;

afterEach(() => setSimdEnabled(true));

/** A calibration written by hand: power decay β, α = 1 fixed, scale s, no attributes. */
function handCalibration(beta: number, scale: number): Calibration {
  return {
    version: 1, model: 'huff-mci', observed: 'sales', demandColumn: 'population', decay: 'power', fitAlpha: false, cutoff: 5000, floor: 50,
    n: 2, scale, alpha: 1, beta, coefficients: {}, attributeMeans: {}, se: {}, intervals: {}, parameterNames: ['log_scale', 'beta'],
    theta: [Math.log(scale), beta], covariance: [0, 0, 0, 0], dispersion: 1, residual_cv: 0, r2: 1, mape: 0, cv_mape: 0, folds: 2,
    baseline_cv_mape: 0, baseline: { radius: 1000, intercept: 0, slope: 0 }, iterations: 0, outlets: [], warnings: [],
  };
}

function forecastIn(calibration: Calibration, points: ForecastPoints, sites: SitesToForecast, simd = true) {
  const shape = shapeOf(calibration);
  const prepared = prepareHuff(points, shape, calibration.attributeMeans, { cellMetres: calibration.demandCells?.metres, forForecast: true });
  const state = marketState(shape, prepared.data, Float64Array.from(calibration.theta));
  return { prepared, state, out: forecastSites(calibration, prepared, state, sites, { simd }) };
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('site transfers', () => {
  for (const simd of [true, false]) {
    it(`hand-worked, ${simd ? 'SIMD' : 'JavaScript'}: A at 0 km, B at 2 km, 100 people at 1 km and at 3 km, β = 2, a site at 4 km takes 1400/190 from A and 8600/190 from B`, () => {
      // At 1 km: u_A = u_B = 1, S = 2, t = 1/9 → P_c = 1/19, P_A = P_B = 1/2.
      // At 3 km: u_A = 1/9, u_B = 1, S = 10/9, t = 1 → P_c = 9/19, P_A = 1/10, P_B = 9/10.
      // transfer_A = 100·(1/19·1/2 + 9/19·1/10) = 1400/190; transfer_B = 100·(1/19·1/2 + 9/19·9/10) = 8600/190.
      const at = (km: number[]) => ({ lon: Float64Array.from(km, (x) => x * KM), lat: new Float64Array(km.length) });
      const points = { demand: { ...at([1, 3]), weight: Float64Array.of(100, 100) }, own: { ...at([0, 2]), weight: Float64Array.of(1, 1) }, competitors: { ...at([]), weight: new Float64Array(0) }, attributes: {} };
      const { out } = forecastIn(handCalibration(2, 1), points, { ...at([4]), attractiveness: Float64Array.of(1), z: new Float64Array(0) }, simd);
      expect(out.transfers[0].map((t) => t.outlet)).toEqual([1, 0]);
      // 1e-6: the market keeps the own outlets' distance terms in single precision (outlet-pairs.ts).
      expect(relative(out.transfers[0][0].amount, 8600 / 190)).toBeLessThan(1e-6);
      expect(relative(out.transfers[0][1].amount, 1400 / 190)).toBeLessThan(1e-6);
      expect(relative(out.forecast[0], 1000 / 19)).toBeLessThan(1e-6);
      expect(relative(out.cannibalised[0], 1000 / 19)).toBeLessThan(1e-6);
    });
  }

  for (const simd of [true, false]) {
    it(`every site of a generated market equals the pair-by-pair definition to 1e-9 (${simd ? 'SIMD' : 'JavaScript'}; 150 sites, 19 tiles, two sites invalid)`, () => {
      const market = syntheticMarket(7, { alpha: 1.1, beta: 1.7, scale: 0.4, noise: 0.05 });
      const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
      const calibration = calibrateModel(points, { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50, observed: market.observed, ids: market.ids, folds: 2 });
      const count = 150;
      const sites: SitesToForecast = randomSites(3, count);
      sites.lon[17] = NaN;
      sites.attractiveness[40] = 0;
      const { prepared, state, out } = forecastIn(calibration, points, sites, simd);
      // The definition: the demand cells the calibration grouped into, P_ic from the haversine distance.
      const cells = groupDemand(market.demand, calibration.demandCells!.metres);
      const { grid, data } = prepared;
      const scale = calibration.scale, beta = calibration.beta!;
      let compared = 0;
      for (let c = 0; c < count; c++) {
        if (c === 17 || c === 40) { expect(out.transfers[c]).toEqual([]); continue; }
        const loss = new Float64Array(market.own.lon.length);
        const a = sites.attractiveness[c] ** calibration.alpha;
        for (let k = 0; k < grid.order.length; k++) {
          const i = grid.order[k];
          const d = haversine(sites.lon[c], sites.lat[c], cells.lon[i], cells.lat[i]);
          if (!(d <= 5000) || !(data.weight[k] > 0)) continue;
          const t = a * Math.max(d, 50) ** -beta;
          const pc = t / (state.total[k] + t);
          for (let pair = data.own.start[k]; pair < data.own.start[k + 1]; pair++) loss[data.own.outlet[pair]] += scale * data.weight[k] * pc * state.ownShare[pair];
        }
        const expected = largestTransfers(Float64Array.from({ length: TRANSFER_LANES * loss.length }, (_, x) => (x % TRANSFER_LANES === 0 ? loss[x / TRANSFER_LANES] : 0)), 0, 1, 5);
        expect(out.transfers[c].map((t) => t.outlet)).toEqual(expected.map((t) => t.outlet));
        out.transfers[c].forEach((t, q) => expect(relative(t.amount, expected[q].amount)).toBeLessThan(1e-9));
        compared += expected.length;
      }
      expect(compared).toBeGreaterThan(400); // most sites reach own outlets
    });
  }

  it('a site\'s transfers are the same alone (JavaScript tile loop) as among 100 sites (SIMD tiles)', () => {
    const market = syntheticMarket(11, { alpha: 1, beta: 2, scale: 0.5, noise: 0.05 });
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const calibration = handCalibration(1.8, 0.5);
    const rnd = mulberry32(9);
    const count = 100;
    const lon = Float64Array.from({ length: count }, () => 120 + (4 + 12 * rnd()) * KM), lat = Float64Array.from({ length: count }, () => 30 + (4 + 12 * rnd()) * KM);
    const all = forecastIn(calibration, points, { lon, lat, attractiveness: new Float64Array(count).fill(1), z: new Float64Array(0) }).out;
    for (const c of [0, 13, 99]) {
      const alone = forecastIn(calibration, points, { lon: lon.subarray(c, c + 1), lat: lat.subarray(c, c + 1), attractiveness: Float64Array.of(1), z: new Float64Array(0) }).out;
      expect(all.transfers[c].length).toBe(5);
      expect(all.transfers[c]).toEqual(alone.transfers[0]);
    }
  });
});

describe('largestTransfers', () => {
  const lanes = (values: number[], lane: number) => {
    const loss = new Float64Array(TRANSFER_LANES * values.length);
    values.forEach((v, j) => { loss[j * TRANSFER_LANES + lane] = v; });
    return loss;
  };

  it('keeps the top 3 of 6 non-zero sums ×10 of its lane, largest first, a tie to the lower outlet, and clears the lane', () => {
    const loss = lanes([0, 2, 5, 1, 5, 3, 0.5], 2);
    loss[1] = 99; // another lane: neither read nor cleared
    expect(largestTransfers(loss, 2, 10, 3)).toEqual([{ outlet: 2, amount: 50 }, { outlet: 4, amount: 50 }, { outlet: 5, amount: 30 }]);
    expect(Array.from(loss).filter((v) => v !== 0)).toEqual([99]);
  });

  it('gives fewer than top when fewer outlets lose anything', () => {
    expect(largestTransfers(lanes([0, 0.25, 0], 0), 0, 4, 5)).toEqual([{ outlet: 1, amount: 1 }]);
  });

  it('a larger sum met after the list is full displaces the smallest, wherever it ranks', () => {
    expect(largestTransfers(lanes([1, 2, 3, 9, 2.5], 7), 7, 1, 3)).toEqual([{ outlet: 3, amount: 9 }, { outlet: 2, amount: 3 }, { outlet: 4, amount: 2.5 }]);
  });
});
