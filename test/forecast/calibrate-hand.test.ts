/**
 * A case worked on paper. Outlets A, B, C on the equator at 0, 2 and 4 km; demand points of 100
 * at 1 km and 3 km; β = 2, no competitors, cut-off 5 km. At 1 km the utilities are 1, 1, 1/9
 * (A, B at 1 km, C at 3 km), so P = 9/19, 9/19, 1/19; at 3 km mirrored. With s = 2:
 *   ŷ_A = ŷ_C = 2·100·(9 + 1)/19 = 2000/19,   ŷ_B = 2·100·18/19 = 3600/19.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import { evaluateHuff } from '../../src/forecast/huff-pass.ts';
import { prepareHuff } from '../../src/forecast/huff-data.ts';
import type { ModelShape } from '../../src/forecast/model.ts';

const KM = 1 / 111.19508372419141; // degrees of longitude per km on the equator (R = 6 371 008.8 m)
const at = (km: number[]) => ({ lon: Float64Array.from(km, (x) => x * KM), lat: new Float64Array(km.length) });
const points = {
  demand: { ...at([1, 3]), weight: Float64Array.from([100, 100]) },
  own: { ...at([0, 2, 4]), weight: Float64Array.from([1, 1, 1]) },
  competitors: { ...at([]), weight: new Float64Array(0) },
  attributes: {},
};
const options = { ids: ['A', 'B', 'C'], observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50, folds: 3 };

describe('calibration, worked on paper', () => {
  it('the model pass gives the totals worked out above', () => {
    const shape: ModelShape = { decay: 'power', fitAlpha: false, alpha: 1, attributes: [], cutoff: 5000, floor: 50 };
    const { data } = prepareHuff(points, shape, {});
    const { mean } = evaluateHuff(shape, data, Float64Array.from([Math.log(2), 2]), false);
    expect(mean[0]).toBeCloseTo(2000 / 19, 3);
    expect(mean[1]).toBeCloseTo(3600 / 19, 3);
    expect(mean[2]).toBeCloseTo(2000 / 19, 3);
  });

  it('recovers s = 2 and β = 2 from those totals exactly, with R² = 1', () => {
    const observed = Float64Array.from([2000 / 19, 3600 / 19, 2000 / 19]);
    const fit = calibrateModel(points, { ...options, observed, fitAlpha: false, beta: 1 });
    expect(fit.scale).toBeCloseTo(2, 5);
    expect(fit.beta).toBeCloseTo(2, 5);
    expect(fit.r2).toBeCloseTo(1, 8);
    expect(fit.mape).toBeLessThan(1e-4);
    expect(fit.outlets.map((o) => o.fitted)).toEqual([expect.closeTo(2000 / 19, 3), expect.closeTo(3600 / 19, 3), expect.closeTo(2000 / 19, 3)]);
  });

  it('B/A = 2/(1 + 3^−β): a ratio of 1.6 means β = log 3 / log(1/0.25) = 0.792…', () => {
    // 2/(1 + 3^−β) = 1.6 ⇒ 3^−β = 0.25 ⇒ β = ln 4 / ln 3.
    const observed = Float64Array.from([100, 160, 100]);
    const fit = calibrateModel(points, { ...options, observed, fitAlpha: false });
    expect(fit.beta).toBeCloseTo(Math.log(4) / Math.log(3), 5);
    expect(fit.scale * 200).toBeCloseTo(360, 4); // the scale matches the observed sum: Σŷ = s·Σw
  });

  it('refuses two parameters on two outlets, and α when every attractiveness is equal', () => {
    const two = { ...points, own: { lon: points.own.lon.slice(0, 2), lat: points.own.lat.slice(0, 2), weight: Float64Array.from([1, 1]) } };
    expect(() => calibrateModel(two, { ...options, ids: ['A', 'B'], observed: Float64Array.from([1, 2]), fitAlpha: false }))
      .toThrow(/2 own outlets with a usable "sales" cannot identify 2 parameters \(log_scale, beta\)/);
    expect(() => calibrateModel(points, { ...options, observed: Float64Array.from([1, 2, 1]) })).toThrow(UsageError);
    expect(() => calibrateModel(points, { ...options, observed: Float64Array.from([1, 2, 1]) })).toThrow(/α cannot be identified/);
  });

  it('refuses an attribute that does not vary over the fitted outlets', () => {
    const withArea = { ...points, attributes: { area: Float64Array.from([120, 120, 120]) } };
    const observed = Float64Array.from([1, 2, 1]);
    expect(() => calibrateModel(withArea, { ...options, observed, fitAlpha: false })).toThrow(/attribute "area" has the same value at every fitted outlet/);
  });
});
