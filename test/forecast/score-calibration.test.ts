/** `siteselect score --calibration`: the forecast columns in the output, equal to the forecast API's. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, forecast } from '../../src/forecast/from-bundle.ts';
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
});
