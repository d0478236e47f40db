/**
 * `siteselect report --calibration` on the sample city: the Forecast section names the calibration's
 * figures and lists the kept sites in rank order with the forecasts the API gives for them
 * (src/forecast/from-bundle.ts, the same numbers as `score --calibration`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickRows } from '../../src/data/concat-layers.ts';
import type { LoadedBundle } from '../../src/data/layer.ts';
import type { Calibration } from '../../src/forecast/calibration.ts';
import { calibrate, forecast } from '../../src/forecast/from-bundle.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { formatNumber } from '../../src/format/number.ts';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { LevelResult } from '../../src/score/types.ts';
import { repoRoot, runReport, section, tableRows } from './run-cli.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-forecast-report-'));
let bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites: LevelResult, html: string;

beforeAll(async () => {
  bundle = await loadBundleDir(path.join(repoRoot, 'data/sample'));
  const scenarioFile = path.join(repoRoot, 'data/sample/scenario.json');
  scenario = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')), scenarioFile);
  calibration = calibrate(bundle, scenario);
  writeFileSync(path.join(dir, 'calibration.json'), JSON.stringify(calibration));
  sites = (await runFunnel(bundle, scenario, { database: testDb() })).sites;
  const run = await runReport(['--bundle', 'data/sample', '--out', path.join(dir, 'report.html'), '--threads', '1', '--top', '5', '--calibration', path.join(dir, 'calibration.json')]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  html = readFileSync(path.join(dir, 'report.html'), 'utf8');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cells' text of a table row. */
const cells = (row: string) => [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
/** Whole numbers from 1 up, two significant digits below: 94.7 → "95", 0.0123 → "0.012". */
const amount = (x: number) => formatNumber(Math.abs(x) >= 1 ? Math.round(x) : Number(x.toPrecision(2))).replace(/ /g, '\u202f');

describe('report --calibration', () => {
  it('states the fit: the own outlets\' observed performance, α and β with their errors, CV error against the baseline', () => {
    const text = section(html, 'forecast');
    expect(text).toContain(`calibrated on the own outlets&#39; observed performance (${calibration.n} outlets)`);
    expect(text).toContain(`α = ${calibration.alpha.toFixed(3)} ± ${calibration.se.alpha.toFixed(3)}`);
    expect(text).toContain(`β = ${calibration.beta!.toFixed(3)} ± ${calibration.se.beta.toFixed(3)}`);
    expect(text).toContain(`error ${calibration.cv_mape.toFixed(1)} % per outlet against ${calibration.baseline_cv_mape.toFixed(1)} %`);
    expect(text).toContain('<svg');
  });

  it('lists the five best kept sites in rank order with the API forecast, interval, cannibalised, net and top transfer', () => {
    const kept = Array.from(sites.ids.keys()).filter((s) => sites.kept[s]).sort((a, b) => sites.rank[a] - sites.rank[b]).slice(0, 5);
    const row = new Map(bundle.candidates!.ids.map((id, i) => [id, i]));
    const reference = forecast(bundle, scenario, calibration, pickRows(bundle.candidates!, kept.map((s) => row.get(sites.ids[s])!)), { top: 5 });
    const rows = tableRows(html, 'forecast-table').map(cells);
    expect(rows).toHaveLength(5);
    rows.forEach((r, c) => {
      expect(r[0]).toBe(String(sites.rank[kept[c]]));
      expect(r[1]).toContain(sites.ids[kept[c]]);
      expect(r[2]).toBe(amount(reference.forecast[c]));
      expect(r[3]).toBe(`${amount(reference.low[c])} – ${amount(reference.high[c])}`);
      expect(r[4]).toBe(amount(reference.cannibalised[c]));
      expect(r[5]).toBe(amount(reference.forecast[c] - reference.cannibalised[c]));
      const first = reference.transfers[c][0];
      expect(r[6].startsWith(first ? `${reference.outletIds[first.outlet]}: ${amount(first.amount)}` : '–')).toBe(true);
    });
  });

  it('is absent from a report drawn without a calibration', async () => {
    const run = await runReport(['--bundle', 'data/sample', '--out', path.join(dir, 'plain.html'), '--threads', '1', '--top', '5']);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'plain.html'), 'utf8')).not.toContain('<section id="forecast"');
  }, 300_000);
});
