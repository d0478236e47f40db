/**
 * Deliverables from the built workbench (Chromium): the exported SVG holds the title with the
 * scenario's name, every legend entry, the scale bar, the north arrow and the attribution as text;
 * the PNG is not blank where the legend is; the HTML report is the one `siteselect report` builds
 * (its shortlist the funnel's).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node.ts';
import { funnelShortlist, parseScenario, runFunnel, type FunnelResult, type Scenario } from '../../src/app/engine-api.ts';
import { downloadText, openWorkbench, type WorkbenchSession } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${sampleDir}bundle.json`, 'utf8')) as { attribution: string; basemap: { attribution: string } };
let url: string;
let session: WorkbenchSession;
let browser: Browser;
let page: Page;
let scenario: Scenario;
let funnel: FunnelResult;
/** Own outlets' names (data: the sample's names hold their type, as a bank's might). */
let outletNames: string[];

beforeAll(async () => {
  const bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  funnel = await runFunnel(bundle, scenario, { database: testDb() });
  outletNames = [...bundle.network!.text.name].sort((a, b) => b.length - a.length);
  session = await openWorkbench({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  ({ browser, page, url } = session);
}, 180_000);

afterAll(() => session?.close());

const texts = (svg: string): string[] => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1].replaceAll('&amp;', '&'));

describe('exports (sample city, built site)', () => {
  it('writes an SVG whose title, legend, scale bar, north arrow and attribution are text', async () => {
    const svg = (await downloadText(page, () => page.click('#export-svg'))).bytes.toString('utf8');
    const words = texts(svg);
    expect(words).toContain('Regions of the study area');
    expect(words).toContain(scenario.name);
    for (const entry of ['Score', 'kept', 'not kept', 'Competitors', 'Own outlets']) expect(words).toContain(entry);
    // The attribution line (with the basemap's after it, on one line where both fit).
    expect(words.some((w) => w.startsWith(manifest.attribution))).toBe(true);
    expect(words).toContain('N');
    expect(words.some((w) => /^\d+ k?m$/.test(w))).toBe(true);
    // Region names and scores are labelled on the map.
    for (let r = 0; r < funnel.regions.ids.length; r++) expect(words).toContain(funnel.regions.names[r]);
    // ... on top of the point layers, with a white halo: the labels' group comes after every overlay's.
    const labels = svg.indexOf('class="map-labels"');
    const overlays = [...svg.matchAll(/class="overlay-[a-z]+"/g)].map((m) => m.index);
    expect(overlays.length).toBeGreaterThan(0);
    expect(labels).toBeGreaterThan(Math.max(...overlays, svg.indexOf('class="unit-areas"')));
    expect(svg.slice(labels).match(/<text[^>]*class="map-label"[^>]*>/)?.[0]).toContain('stroke="white"');
    // The basemap: over the score fills, under the kept outlines and every point layer; in the legend; credited.
    const water = svg.indexOf('class="basemap-water"');
    expect(water).toBeGreaterThan(svg.indexOf('class="unit-areas"'));
    expect(svg.indexOf('class="basemap-road"')).toBeLessThan(Math.min(svg.indexOf('class="unit-kept"'), ...overlays));
    for (const entry of ['water', 'parks', 'main roads']) expect(words).toContain(entry);
    expect(words.some((w) => w.endsWith(manifest.basemap.attribution))).toBe(true);
  });

  it('writes a PNG that is not blank where the legend is', async () => {
    const png = (await downloadText(page, () => page.click('#export-png'))).bytes;
    const inkRows = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      // The legend strip: the bottom 62 CSS pixels, drawn at scale 2.
      const { data } = ctx.getImageData(0, image.height - 124, image.width, 124);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) ink++;
      return ink;
    }, png.toString('base64'));
    expect(inkRows).toBeGreaterThan(500);
  });

  it("writes the HTML report that siteselect report writes: its shortlist is the funnel's", async () => {
    const html = (await downloadText(page, () => page.click('#export-report'))).bytes.toString('utf8');
    const table = html.slice(html.indexOf('<table id="table-shortlist"'), html.indexOf('</table>', html.indexOf('<table id="table-shortlist"')));
    const ids = [...table.matchAll(/<tr><td class="num">\d+<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(ids).toEqual(funnelShortlist(funnel).map((e) => e.id));
    expect(html).toContain(manifest.attribution);
    expect(html).not.toContain('<script');
  });

  it('explains a bad ?bundle= address in place of the map, with the fix and a way back', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await other.goto(`${url}?bundle=./no-such-folder/`);
    const box = other.locator('#load-error');
    await box.waitFor({ timeout: 60_000 });
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('./no-such-folder/');
    expect(text).toContain('bundle.json');
    expect(await box.locator('a').getAttribute('href')).toBe(url);
    await other.close();
  }, 90_000);

  it('中文: no criterion id or outlet-type code in the scenario, table, breakdown, shortlist or map legend', async () => {
    await page.selectOption('#lang-select', 'zh');
    const best = funnel.sites.rank.indexOf(1);
    await page.evaluate((site) => (window as unknown as { workbench: { openSite(s: number): void } }).workbench.openSite(site), best);
    await page.waitForSelector('#breakdown-panel .breakdown-table');
    const labels = scenario.criteria.flatMap((c) => (c.label ? [c.label] : [])).concat(outletNames);
    const shown = await page.evaluate(() =>
      ['#scenario-panel', '#breakdown-panel', '.rt-head', '#map .map-legend', '#map .map-title', '#layer-toggles'].map((sel) => document.querySelector(sel)?.textContent ?? '').join('\n'),
    );
    const text = labels.reduce((t, label) => t.replaceAll(label, ''), shown);
    const ids = scenario.criteria.map((c) => c.id).concat(scenario.criteria.map((c) => c.kind));
    for (const code of [...ids, 'branch', 'self-service', 'agent', 'context_district', 'context_region']) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    await page.click('#tab-shortlist');
    expect(await page.textContent('.shortlist')).toContain('个地点入选');
    await page.selectOption('#lang-select', 'en');
  });

  it('explains an area the funnel cut instead of showing an empty table', async () => {
    const cut = funnel.regions.kept.indexOf(0);
    await page.click('#tab-ranking');
    await page.evaluate((r) => (window as unknown as { workbench: { go(p: object): void } }).workbench.go({ region: r, district: -1 }), cut);
    const text = (await page.textContent('.rt-empty')) ?? '';
    const rank = funnel.regions.rank[cut];
    expect(text).toContain(`${funnel.regions.names[cut]} was cut at the region level (cut: rank ${rank} of ${funnel.regions.ids.length}, top ${scenario.funnel.regions.topK} kept)`);
  });

  it("draws an optimisation run's new sites on the map, named, with a legend entry, and not the own outlets it kept", async () => {
    await page.evaluate(() =>
      (window as unknown as { workbench: { go(p: object): void; showOptimised(s: object[]): void } }).workbench.showOptimised([
        { id: 'NEW1', index: 0, fixed: false, lon: 114.0, lat: 22.62 },
        { id: 'N001', index: 1, fixed: true, lon: 114.00642, lat: 22.680482 },
      ]),
    );
    expect(await page.locator('#map path.optimised-site').count()).toBe(1);
    expect(await page.textContent('#map .optimised-label')).toBe('NEW1');
    expect(await page.textContent('#map .map-legend')).toContain('new site (optimisation)');
  });
});
