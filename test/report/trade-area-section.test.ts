/**
 * The report's trade-area section on the sample city (which has a street network): the best kept
 * site's areas within 5/10/15 minutes on foot and by car, with the numbers bundleTradeAreas() gives
 * for that site; a bundle without roads gets no section.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/format/number.ts';
import { bundleTradeAreas } from '../../src/network/bundle-trade-areas.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { leadSites } from '../../src/report/lead-site.ts';
import { reportTradeAreas } from '../../src/report/trade-area-section.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { repoRoot, runReport, section, tableRows } from './run-cli.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-areas-'));
let html: string;

beforeAll(async () => {
  const out = path.join(dir, 'r.html');
  const run = await runReport(['--bundle', 'data/sample', '--out', out, '--threads', '1']);
  expect(run.code).toBe(0);
  html = readFileSync(out, 'utf8');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report’s trade areas', () => {
  it('shows the best kept site’s walking and driving areas with the counts worked out apart', async () => {
    const bundle = await loadBundleDir(path.join(repoRoot, 'data/sample'));
    const result = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(path.join(repoRoot, 'data/sample/scenario.json'), 'utf8'))), { database: testDb() });
    const kept = leadSites(result).kept!;
    const part = section(html, 'trade-areas');
    expect(part).toContain(`Trade areas of ${kept.id}`);
    expect(part).toContain('<svg'); // the map
    const rows = tableRows(part, 'trade-area-table');
    expect(rows).toHaveLength(6);
    const site = { lon: result.sites.lon![kept.site], lat: result.sites.lat![kept.site] };
    let k = 0;
    for (const [profile, how] of [['walk', 'on foot'], ['drive', 'by car']] as const) {
      const want = await bundleTradeAreas(bundle, site, profile, 'time', [5, 10, 15]);
      for (const { properties: p } of want.features) {
        const cells = [...rows[k++].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
        expect(cells).toEqual([how, `${p.threshold} min`, formatNumber(Math.round(p.demand)), String(p.competitors), String(p.own_outlets)]);
      }
      // Longer trips reach at least as many people.
      expect(want.features[0].properties.demand).toBeLessThanOrEqual(want.features[2].properties.demand);
    }
  });

  it('is left out for a bundle without roads', async () => {
    const bundle = await loadBundleDir(path.join(repoRoot, 'data/sample'));
    delete bundle.roads;
    const result = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(path.join(repoRoot, 'data/sample/scenario.json'), 'utf8'))), { database: testDb() });
    expect(await reportTradeAreas(bundle, result)).toBeUndefined();
  });
});
