/** The forecast_net criterion: the funnel's raw column is the forecast API's net (or gross) forecast. */
import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { forecast, calibrate, forecastWithInputs, huffInputs } from '../../src/forecast/from-bundle.ts';
import { forecastColumns } from '../../src/forecast/forecast-columns.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { Scenario } from '../../src/scenario/scenario.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { writeMarketBundle } from './write-market-bundle.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const KM = 1 / 111.195;

describe('forecast_net criterion and score columns', async () => {
  const market = syntheticMarket(2, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 });
  const bundle = await loadBundleDir(writeMarketBundle(market));
  const base = Scenario.parse({ version: 1, name: 'forecast', criteria: [{ id: 'net', kind: 'forecast_net' }, { id: 'gross', kind: 'forecast_net', measure: 'forecast', weight: 0.5 }] });
  const calibration = calibrate(bundle, base, { folds: 2 });
  const sites: PointLayer = {
    kind: 'point', layer: 'candidates', ids: ['s1', 's2', 's3'],
    lon: Float64Array.from([5, 10, 15], (x) => 120 + x * KM), lat: Float64Array.from([5, 10, 8], (y) => 30 + y * KM),
    numeric: {}, text: {},
  };

  it('scores each site by its net (or gross) forecast', async () => {
    const result = await scoreSites(bundle, { ...base, calibration }, sites, { database: testDb() });
    const expected = forecast(bundle, base, calibration, sites);
    const column = (id: string) => result.criteria.find((c) => c.name === id)!.raw;
    const order = result.ids.map((id) => sites.ids.indexOf(id));
    order.forEach((c, r) => {
      expect(column('net')[r]).toBeCloseTo(expected.net[c], 6);
      expect(column('gross')[r]).toBeCloseTo(expected.forecast[c], 6);
    });
    expect(expected.net.every((v, c) => v < expected.forecast[c])).toBe(true);
  });

  it('a chunk at a time (the market kept between calls) equals one call; another calibration gets its own market', () => {
    const whole = forecast(bundle, base, calibration, sites);
    const part = (ids: number[]): PointLayer => ({ ...sites, ids: ids.map((c) => sites.ids[c]), lon: Float64Array.from(ids, (c) => sites.lon[c]), lat: Float64Array.from(ids, (c) => sites.lat[c]) });
    const chunks = [forecast(bundle, base, calibration, part([0])), forecast(bundle, base, calibration, part([1, 2]))];
    expect([...chunks[0].forecast, ...chunks[1].forecast]).toEqual([...whole.forecast]);
    expect([...chunks[0].transfers, ...chunks[1].transfers]).toEqual(whole.transfers);
    // β 0.3 steeper: the cached market (S_i of the first calibration) must not serve it.
    const theta = [...calibration.theta];
    theta[theta.length - 1] += 0.3;
    const steeper = { ...calibration, theta, beta: calibration.beta! + 0.3 };
    const fresh = forecastWithInputs(huffInputs(bundle, base), steeper, sites);
    expect([...forecast(bundle, base, steeper, sites).forecast]).toEqual([...fresh.forecast]);
    expect(fresh.forecast[1]).not.toBeCloseTo(whole.forecast[1], 1);
  });

  it('a demand value edited in place gives a new forecast: the kept market is keyed by content, not by the arrays\' identity', () => {
    const before = forecast(bundle, base, calibration, sites);
    const population = bundle.demand!.numeric.population;
    let nearest = 0;
    bundle.demand!.lon.forEach((lon, i) => {
      if (haversine(lon, bundle.demand!.lat[i], sites.lon[1], sites.lat[1]) < haversine(bundle.demand!.lon[nearest], bundle.demand!.lat[nearest], sites.lon[1], sites.lat[1])) nearest = i;
    });
    const kept = population[nearest];
    population[nearest] = kept + 5000;
    try {
      const after = forecast(bundle, base, calibration, sites);
      expect([...after.forecast]).toEqual([...forecastWithInputs(huffInputs(bundle, base), calibration, sites).forecast]);
      expect(after.forecast[1]).toBeGreaterThan(before.forecast[1] + 1);
    } finally {
      population[nearest] = kept;
    }
    expect([...forecast(bundle, base, calibration, sites).forecast]).toEqual([...before.forecast]);
  });

  it('without a calibration the criterion is left out with the reason', async () => {
    const result = await scoreSites(bundle, Scenario.parse({ version: 1, name: 'x', criteria: [{ id: 'net', kind: 'forecast_net' }, { id: 'demand', kind: 'demand' }] }), sites, { database: testDb() });
    expect(result.warnings?.join(' ')).toMatch(/the scenario names no calibration/);
  });

  it('the score hook: six columns, top_transfers names own outlets with amounts that add up to at most cannibalised', () => {
    const { columns } = forecastColumns(bundle, base, calibration, sites);
    expect(columns.map((c) => c.name)).toEqual(['forecast', 'forecast_low', 'forecast_high', 'cannibalised', 'net_forecast', 'top_transfers']);
    const text = columns[5].values as string[];
    const cannibalised = columns[3].values as Float64Array;
    text.forEach((cell, c) => {
      const parts = cell.split('; ').map((p) => p.split(':'));
      expect(parts.length).toBeLessThanOrEqual(5);
      for (const [id] of parts) expect(market.ids).toContain(id);
      const sum = parts.reduce((s, [, amount]) => s + Number(amount), 0);
      expect(sum).toBeLessThanOrEqual(cannibalised[c] * 1.001);
      expect(sum).toBeGreaterThan(0);
    });
  });
});
