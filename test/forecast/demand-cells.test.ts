/**
 * Demand grouped into cells for the calibration (demand-cells.ts): a hand-worked grouping, the fit on
 * grouped against ungrouped demand, and the one-step cross-validation against full refits.
 */
import { describe, expect, it } from 'vitest';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import { groupDemand } from '../../src/forecast/demand-cells.ts';
import { mape } from '../../src/forecast/fit-statistics.ts';
import { assignFolds, trainingMask } from '../../src/forecast/folds.ts';
import { evaluateHuff } from '../../src/forecast/huff-pass.ts';
import { prepareHuff } from '../../src/forecast/huff-data.ts';
import type { ModelShape } from '../../src/forecast/model.ts';
import { fitPoisson } from '../../src/forecast/poisson-fit.ts';
import { syntheticMarket } from './synthetic-market.ts';

const common = { observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50 };

describe('groupDemand', () => {
  it('one point per occupied cell at the weighted centroid, carrying the summed weight; no weight or no position: left out', () => {
    // At the equator a 100 m cell spans 0.000899° both ways; the first two points share cell (0, 0).
    const grouped = groupDemand({
      lon: Float64Array.from([0.0001, 0.0004, 0.002, 0.0002, NaN]),
      lat: Float64Array.from([0.0001, 0.0007, 0.0001, 0.0002, 0]),
      weight: Float64Array.from([1, 3, 2, 0, 5]),
    }, 100);
    expect(grouped.points).toBe(3);
    expect(Array.from(grouped.weight)).toEqual([4, 2]);
    expect(grouped.lon[0]).toBeCloseTo((0.0001 + 3 * 0.0004) / 4, 12);
    expect(grouped.lat[0]).toBeCloseTo((0.0001 + 3 * 0.0007) / 4, 12);
    expect([grouped.lon[1], grouped.lat[1]]).toEqual([0.002, 0.0001]);
  });

  it('refuses a cell size that is not positive', () => {
    const one = { lon: Float64Array.of(0), lat: Float64Array.of(0), weight: Float64Array.of(1) };
    expect(() => groupDemand(one, 0)).toThrow(/invalid demand cell size: 0 m/);
  });
});

describe('calibration on demand grouped into 100 m cells', () => {
  // 30 000 demand points around five centres (σ 3 km): about 1.6 to an occupied 100 m cell.
  const market = syntheticMarket(7, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 }, { demand: 30_000, own: 40, competitors: 30 });
  const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
  const fit = (demandCellMetres: number) => calibrateModel(points, { ...common, observed: market.observed, ids: market.ids, demandCellMetres });

  it('moves α and β by less than 5 % of their standard errors and the scale by less than 0.1 %', () => {
    const grouped = fit(100), exact = fit(0);
    expect(grouped.demandCells!.cells).toBeLessThan(30_000 * 0.65);
    expect(exact.demandCells).toEqual({ metres: 0, cells: 30_000 });
    expect(Math.abs(grouped.alpha - exact.alpha)).toBeLessThan(0.05 * exact.se.alpha);
    expect(Math.abs(grouped.beta! - exact.beta!)).toBeLessThan(0.05 * exact.se.beta);
    expect(Math.abs(grouped.scale / exact.scale - 1)).toBeLessThan(0.001);
  });

  it('one Gauss–Newton step per fold gives the CV MAPE of full refits within 0.2 points', () => {
    const grouped = fit(100);
    const shape: ModelShape = { decay: 'power', fitAlpha: true, alpha: 1, attributes: [], ...common };
    const { data } = prepareHuff(points, shape, {}, { cellMetres: 100 });
    const model = (theta: Float64Array, withJacobian: boolean) => evaluateHuff(shape, data, theta, withJacobian);
    const all = new Uint8Array(40).fill(1);
    const fold = assignFolds(all, grouped.folds, 1);
    const predicted = new Float64Array(40);
    for (let f = 0; f < grouped.folds; f++) {
      const refit = fitPoisson(model, market.observed, trainingMask(fold, f), Float64Array.from(grouped.theta));
      expect(refit.converged).toBe(true);
      for (let j = 0; j < 40; j++) if (fold[j] === f) predicted[j] = refit.mean[j];
    }
    const refitMape = mape(market.observed, predicted, all);
    expect(refitMape).toBeGreaterThan(grouped.mape);
    expect(Math.abs(grouped.cv_mape - refitMape)).toBeLessThan(0.2);
  });
});
