/**
 * Trade areas in the built workbench: the best site selected, "walk 5 / 10 / 15 min" chosen beside
 * the layer toggles draws three nested areas instead of the straight-line ring, and the legend
 * gives the people, competitors and own outlets inside each — the numbers bundleTradeAreas()
 * gives in Node for the same site. Back to the ring, the ring is drawn again. Screenshot in
 * test-output/trade-area-walk.png. The page's HTML report has the trade-area section
 * `siteselect report` writes, its table the one Node builds for the same funnel.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleTradeAreas, type TradeAreaCollection } from '../../src/network/bundle-trade-areas.ts';
import { loadBundleDir } from '../../src/node.ts';
import { reportTradeAreas, tradeAreaSection } from '../../src/report/trade-area-section.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { downloadText, serveWorkbench, type WorkbenchHost } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let host: WorkbenchHost;
let url: string;
let bundle: Awaited<ReturnType<typeof loadBundleDir>>;

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  host = await serveWorkbench();
  url = host.url;
}, 180_000);

afterAll(() => host?.close());

describe('trade areas on the workbench map', () => {
  it('draws 5/10/15-minute walking areas for the selected site with the counts Node gives', async () => {
    const { page, requests } = await host.open({ viewport: { width: 1280, height: 800 } });
    // The best kept site, opened as the shortlist opens it.
    const site = await page.evaluate(() => {
      const bench = (window as unknown as { workbench: { levels: { funnel: { sites: { ids: string[]; rank: Int32Array; kept: Uint8Array; lon: Float64Array; lat: Float64Array } } }; openSite(i: number): void } }).workbench;
      const s = bench.levels.funnel.sites;
      let best = -1;
      for (let i = 0; i < s.ids.length; i++) if (s.kept[i] && (best < 0 || s.rank[i] < s.rank[best])) best = i;
      bench.openSite(best);
      return { id: s.ids[best], lon: s.lon[best], lat: s.lat[best] };
    });
    await page.waitForSelector('#map .selected-ring');
    expect(await page.locator('#map .trade-area').count()).toBe(0);

    await page.selectOption('select[data-trade-area]', 'walk');
    await page.waitForSelector('#map .trade-area', { timeout: 60_000 });
    expect(await page.locator('#map .trade-area').count()).toBe(3);
    expect(await page.locator('#map .selected-ring').count()).toBe(0);
    const thresholds = await page.locator('#map .trade-area').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-threshold')));
    expect(thresholds).toEqual(['15', '10', '5']); // widest first, nearer ones on top
    await page.screenshot({ path: 'test-output/trade-area-walk.png' });

    const want: TradeAreaCollection = await bundleTradeAreas(bundle, site, 'walk', 'time', [5, 10, 15]);
    const legend = (await page.textContent('#map .map-legend')) ?? '';
    const per = (pick: (p: TradeAreaCollection['features'][number]['properties']) => number): string => want.features.map((f) => Math.round(pick(f.properties)).toLocaleString('en-US')).join(' / ');
    expect(legend).toContain(`5 / 10 / 15 min on foot: ${per((p) => p.demand)} people; ${per((p) => p.competitors)} competitors; ${per((p) => p.own_outlets)} own outlets`);
    // Nested: each longer walk reaches at least the people of the shorter one.
    expect(want.features[0].properties.demand).toBeLessThanOrEqual(want.features[1].properties.demand);
    expect(want.features[1].properties.demand).toBeLessThanOrEqual(want.features[2].properties.demand);
    expect(want.features[2].properties.demand).toBeGreaterThan(0);

    await page.selectOption('select[data-trade-area]', 'ring');
    await page.waitForSelector('#map .selected-ring');
    expect(await page.locator('#map .trade-area').count()).toBe(0);
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('puts the best kept site’s walking and driving areas in the page’s report, as siteselect report does', async () => {
    const { page } = await host.open({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    // The areas come from the engine worker (graphs built there first): longer than a click.
    const html = (await downloadText(page, () => page.click('#export-report'))).bytes.toString('utf8');
    const funnel = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8'))), { database: testDb() });
    const want = tradeAreaSection(parseHTML('<!doctype html><html><body></body></html>').document, await reportTradeAreas(bundle, funnel));
    const table = (h: string): string => h.slice(h.indexOf('<table id="trade-area-table"'), h.indexOf('</table>', h.indexOf('<table id="trade-area-table"')));
    expect(want).toContain('<table id="trade-area-table"');
    expect(table(html)).toBe(table(want));
    expect([...table(html).matchAll(/<tr><td>(on foot|by car)<\/td>/g)].map((m) => m[1])).toEqual(['on foot', 'on foot', 'on foot', 'by car', 'by car', 'by car']);
    // The heading names the same site, and the walking areas are drawn.
    const heading = /<h2>Trade areas of [^<]+<\/h2>/;
    expect(heading.exec(html)?.[0]).toBe(heading.exec(want)?.[0]);
    expect(html.slice(html.indexOf('<section id="trade-areas">'))).toContain('<svg');
    await page.close();
  }, 120_000);
});
