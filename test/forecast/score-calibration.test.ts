/** `siteselect score --calibration`: the forecast columns in the output, equal to the forecast API's. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transfersText } from '../../src/forecast/forecast-columns.ts';
import { calibrate, forecast } from '../../src/forecast/from-bundle.ts';
import { MIN_SITES_FOR_WORKER } from '../../src/node/forecast-pool.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { Scenario } from '../../src/scenario/scenario.ts';
import { readCsvRows, runScore } from '../cli/run-score.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { writeMarketBundle } from './write-market-bundle.ts';

describe('siteselect score --calibration', () => {
  it('adds forecast, its interval, cannibalised, net_forecast and top_transfers per site', async () => {
    const market = syntheticMarket(2, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 });
    const dir = writeMarketBundle(market);
    const scenario = Scenario.parse({ version: 1, name: 'demand', criteria: [{ id: 'demand', kind: 'demand' }] });
    writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify({ version: 1, name: 'demand', criteria: [{ id: 'demand', kind: 'demand' }] }));
    const bundle = await loadBundleDir(dir);
    const calibration = calibrate(bundle, scenario, { folds: 2 });
    writeFileSync(path.join(dir, 'calibration.json'), JSON.stringify(calibration));
    writeFileSync(path.join(dir, 'sites.csv'), 'id,lon,lat\n' + Array.from({ length: 6 }, (_, c) => `s${c},${120 + (3 + 2.5 * c) / 111.195},${30 + (4 + 2 * c) / 111.195}`).join('\n') + '\n');
    const run = await runScore(dir, '--bundle', '.', '--candidates', 'sites.csv', '--calibration', 'calibration.json', '--out', 'out.csv');
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const rows = readCsvRows(path.join(dir, 'out.csv'));
    const expected = forecast(bundle, scenario, calibration, {
      kind: 'point', layer: 'candidates', ids: rows.map((r) => r.id), lon: Float64Array.from(rows, (r) => Number(r.lon)), lat: Float64Array.from(rows, (r) => Number(r.lat)), numeric: {}, text: {},
    });
    rows.forEach((row, r) => {
      expect(Number(row.forecast)).toBeCloseTo(expected.forecast[r], 1);
      expect(Number(row.forecast_low)).toBeLessThan(Number(row.forecast));
      expect(Number(row.forecast_high)).toBeGreaterThan(Number(row.forecast));
      expect(Number(row.net_forecast)).toBeCloseTo(Number(row.forecast) - Number(row.cannibalised), 1);
      expect(row.top_transfers.split('; ')[0]).toMatch(/^B\d+:[\d.]+$/);
    });
  });

  it(`${MIN_SITES_FOR_WORKER + 1} sites (forecast on two threads, src/node/forecast-pool.ts): the same numbers and transfers as the forecast API on one thread`, async () => {
    const market = syntheticMarket(2, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 });
    const dir = writeMarketBundle(market);
    const scenario = Scenario.parse({ version: 1, name: 'demand', criteria: [{ id: 'demand', kind: 'demand' }] });
    writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify(scenario));
    const bundle = await loadBundleDir(dir);
    const calibration = calibrate(bundle, scenario, { folds: 2 });
    writeFileSync(path.join(dir, 'calibration.json'), JSON.stringify(calibration));
    const rnd = mulberry32(5);
    const count = MIN_SITES_FOR_WORKER + 1;
    const lon = Float64Array.from({ length: count }, () => 120 + (1 + 18 * rnd()) / 111.195), lat = Float64Array.from({ length: count }, () => 30 + (1 + 18 * rnd()) / 111.195);
    writeFileSync(path.join(dir, 'sites.csv'), 'id,lon,lat\n' + Array.from({ length: count }, (_, c) => `s${c},${lon[c]},${lat[c]}`).join('\n') + '\n');
    const run = await runScore(dir, '--bundle', '.', '--candidates', 'sites.csv', '--calibration', 'calibration.json', '--out', 'out.csv', '--threads', '2');
    expect(run.code).toBe(0);
    const rows = readCsvRows(path.join(dir, 'out.csv'));
    expect(rows.length).toBe(count);
    // The sites as given (the output's lon and lat are rounded), in the output's order.
    const given = rows.map((r) => Number(r.id.slice(1)));
    const expected = forecast(bundle, scenario, calibration, {
      kind: 'point', layer: 'candidates', ids: rows.map((r) => r.id), lon: Float64Array.from(given, (c) => lon[c]), lat: Float64Array.from(given, (c) => lat[c]), numeric: {}, text: {},
    });
    let named = 0;
    rows.forEach((row, r) => {
      // As printed: four decimals.
      expect(Number(row.forecast)).toBeCloseTo(expected.forecast[r], 3);
      expect(Number(row.net_forecast)).toBeCloseTo(expected.net[r], 3);
      expect(row.top_transfers).toBe(transfersText(expected, r));
      named += expected.transfers[r].length;
    });
    expect(named).toBeGreaterThan(4 * rows.length); // most sites name five outlets
  });
});
