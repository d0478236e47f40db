/** Analog sites: a case by hand on the pure core, and the bundle door on a generated market. */
import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { analogs, analogsFromProfiles } from '../../src/forecast/analogs.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { writeMarketBundle } from './write-market-bundle.ts';

describe('analog sites', () => {
  it('by hand: one feature 0, 2, 4 (mean 2, sd 2); a site at 2 is 0 sd from B and 1 sd from A and C', () => {
    const { analogs: found, forecast } = analogsFromProfiles(Float64Array.of(0, 2, 4), Float64Array.of(10, 20, 30), Float64Array.of(2), 1, 2, ['A', 'B', 'C']);
    // similarity 1/(1 + d): B 1, A 0.5, C 0.5 (tie → layer order); forecast (1·20 + 0.5·10)/1.5.
    expect(found[0].map((a) => [a.id, a.similarity])).toEqual([['B', 1], ['A', 0.5]]);
    expect(forecast[0]).toBeCloseTo(50 / 3, 10);
    const all = analogsFromProfiles(Float64Array.of(0, 2, 4), Float64Array.of(10, 20, 30), Float64Array.of(2), 1, 3, ['A', 'B', 'C']);
    expect(all.forecast[0]).toBeCloseTo(20, 10);
  });

  it('an outlet without an observed value is never an analog; a feature with no spread is ignored', () => {
    const own = Float64Array.of(0, 5, 2, 5, 4, 5); // feature 2 is 5 everywhere
    const { analogs: found } = analogsFromProfiles(own, Float64Array.of(10, NaN, 30), Float64Array.of(2, 100), 2, 3, ['A', 'B', 'C']);
    expect(found[0].map((a) => a.id)).toEqual(['A', 'C']);
    expect(found[0][0].similarity).toBeCloseTo(0.5, 10);
  });

  it('bundle door: a site on top of an own outlet has that outlet as its first analog, with similarity 1', async () => {
    const market = syntheticMarket(2, { alpha: 1, beta: 2, scale: 0.4, noise: 0.05 });
    const bundle = await loadBundleDir(writeMarketBundle(market));
    const sites: PointLayer = { kind: 'point', layer: 'candidates', ids: ['on7', 'on21'], lon: Float64Array.of(market.own.lon[7], market.own.lon[21]), lat: Float64Array.of(market.own.lat[7], market.own.lat[21]), numeric: {}, text: {} };
    const result = await analogs(bundle, sites, { k: 4 });
    expect(result.features).toEqual(['demand population within 1000 m', 'competitors within 1000 m']);
    expect(result.analogs[0][0]).toMatchObject({ id: 'B8', similarity: 1, observed: expect.closeTo(market.observed[7], 6) });
    expect(result.analogs[1][0]).toMatchObject({ id: 'B22', similarity: 1 });
    for (let c = 0; c < 2; c++) {
      const values = result.analogs[c].map((a) => a.observed);
      expect(result.analogs[c]).toHaveLength(4);
      expect(result.forecast[c]).toBeGreaterThanOrEqual(Math.min(...values));
      expect(result.forecast[c]).toBeLessThanOrEqual(Math.max(...values));
    }
  });
});
