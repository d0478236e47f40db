/**
 * Generated markets with known parameters (synthetic-market.ts, totals from the pair-by-pair
 * reference Huff): recovery at 5 % noise, interval coverage over seeds, the Jacobian against
 * finite differences, and scale-equivariance.
 */
import { describe, expect, it } from 'vitest';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import { evaluateHuff } from '../../src/forecast/huff-pass.ts';
import { prepareHuff } from '../../src/forecast/huff-data.ts';
import type { ModelShape } from '../../src/forecast/model.ts';
import { mulberry32, normal } from '../../src/sensitivity/random.ts';
import { syntheticMarket, type Market } from './synthetic-market.ts';

const common = { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50 };
const calibrate = (market: Market, attributes: Record<string, Float64Array> = {}) =>
  calibrateModel({ demand: market.demand, own: market.own, competitors: market.competitors, attributes }, { ...common, observed: market.observed, ids: market.ids });

describe('calibration on generated markets', () => {
  it('5 % noise, 40 outlets: α and β within ±0.15 of the truth, CV MAPE ≤ 12 % and well below the baseline', () => {
    for (const seed of [1, 2, 3]) {
      const fit = calibrate(syntheticMarket(seed, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 }));
      expect(Math.abs(fit.alpha - 1.2)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(fit.beta! - 1.7)).toBeLessThanOrEqual(0.15);
      expect(fit.cv_mape).toBeLessThanOrEqual(12);
      expect(fit.cv_mape).toBeLessThan(fit.baseline_cv_mape / 2);
      expect(fit.n).toBe(40);
    }
  });

  it('an attribute exponent γ next to β (α fixed at 1)', () => {
    const market = syntheticMarket(4, { alpha: 1, beta: 2, scale: 0.5, gammaArea: 0.6, noise: 0.05 });
    const fit = calibrateModel({ demand: market.demand, own: market.own, competitors: market.competitors, attributes: { area: market.area } },
      { ...common, observed: market.observed, ids: market.ids });
    expect(fit.fitAlpha).toBe(false);
    expect(Math.abs(fit.coefficients.area - 0.6)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(fit.beta! - 2)).toBeLessThanOrEqual(0.15);
    expect(fit.intervals.gamma_area[0]).toBeLessThan(fit.coefficients.area);
  });

  it('95 % intervals cover the truth at about their rate (≥ 85 % of 3 × 15 at 10 % noise)', () => {
    let covered = 0, count = 0;
    for (let seed = 10; seed < 25; seed++) {
      const truth = { alpha: 0.9, beta: 2.2, scale: 0.3, noise: 0.1 };
      const fit = calibrate(syntheticMarket(seed, truth));
      for (const [name, value] of [['alpha', truth.alpha], ['beta', truth.beta], ['scale', truth.scale]] as const) {
        const [lo, hi] = fit.intervals[name];
        count++;
        if (lo <= value && value <= hi) covered++;
      }
    }
    expect(covered / count).toBeGreaterThanOrEqual(0.85);
    expect(covered).toBeLessThan(count + 1);
  });

  it('more noise, wider intervals', () => {
    const sd = (noise: number) => calibrate(syntheticMarket(7, { alpha: 1, beta: 2, scale: 1, noise })).se.beta;
    expect(sd(0.02)).toBeLessThan(sd(0.08));
    expect(sd(0.08)).toBeLessThan(sd(0.2));
  });

  it('totals in other units (× 1000) give the same α, β and a scale × 1000', () => {
    const market = syntheticMarket(5, { alpha: 1, beta: 1.5, scale: 2, noise: 0.05 });
    const a = calibrate(market);
    const b = calibrate({ ...market, observed: market.observed.map((v) => v * 1000) });
    expect(b.alpha).toBeCloseTo(a.alpha, 6);
    expect(b.beta!).toBeCloseTo(a.beta!, 6);
    expect(b.scale / a.scale).toBeCloseTo(1000, 3);
    expect(b.cv_mape).toBeCloseTo(a.cv_mape, 6);
  });

  it('the pass’s derivatives match finite differences (power and exponential decay, α and γ)', () => {
    const market = syntheticMarket(6, { alpha: 1, beta: 2, scale: 1, noise: 0 }, { demand: 400, own: 8, competitors: 5 });
    for (const decay of ['power', 'exponential'] as const) {
      const shape: ModelShape = { decay, fitAlpha: true, alpha: 1, attributes: ['area'], cutoff: 5000, floor: 50 };
      const { data } = prepareHuff({ demand: market.demand, own: market.own, competitors: market.competitors, attributes: { area: market.area } }, shape, { area: 200 });
      const theta = Float64Array.from([0.3, 1.1, 0.4, decay === 'power' ? 1.8 : Math.log(1500)]);
      const { mean, jacobian } = evaluateHuff(shape, data, theta, true);
      for (let q = 0; q < theta.length; q++) {
        const h = 1e-6;
        const up = evaluateHuff(shape, data, theta.map((t, i) => (i === q ? t + h : t)), false).mean;
        const down = evaluateHuff(shape, data, theta.map((t, i) => (i === q ? t - h : t)), false).mean;
        for (let j = 0; j < mean.length; j++) {
          expect(jacobian[j * theta.length + q]).toBeCloseTo((up[j] - down[j]) / (2 * h), 4);
        }
      }
    }
  });
});

describe('calibration with an exponential decay', () => {
  it('recovers λ = 1 200 m and α = 1 at 5 % noise (totals from the model pass at the truth)', () => {
    const market = syntheticMarket(8, { alpha: 1, beta: 2, scale: 1, noise: 0 });
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const shape: ModelShape = { decay: 'exponential', fitAlpha: true, alpha: 1, attributes: [], cutoff: 5000, floor: 50 };
    const { data } = prepareHuff(points, shape, {});
    const exact = evaluateHuff(shape, data, Float64Array.of(Math.log(0.4), 1, Math.log(1200)), false).mean;
    const rnd = mulberry32(3);
    const observed = exact.map((y) => y * Math.exp(0.05 * normal(rnd) - 0.00125));
    const fit = calibrateModel(points, { ...common, observed, ids: market.ids, decay: 'exponential' });
    expect(fit.beta).toBeUndefined();
    expect(Math.abs(fit.lambda! / 1200 - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.alpha - 1)).toBeLessThanOrEqual(0.15);
    expect(fit.intervals.lambda[0]).toBeLessThan(fit.lambda!);
    expect(fit.cv_mape).toBeLessThan(12);
  });
});
