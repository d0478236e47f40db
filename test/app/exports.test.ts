/**
 * Deliverables from the built workbench (Chromium): the exported SVG holds the title with the
 * scenario's name, every legend entry, the scale bar, the north arrow and the attribution as text;
 * the PNG is not blank where the legend is; the HTML report is the one `siteselect report` builds
 * (its shortlist the funnel's).
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node.ts';
import { funnelShortlist, parseScenario, runFunnel, type FunnelResult, type Scenario } from '../../src/app/engine-api.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from './build-site.ts';
import { downloadText } from './page-helpers.ts';
import { serveStatic } from './static-server.ts';

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${sampleDir}bundle.json`, 'utf8')) as { attribution: string };
let server: Server;
let browser: Browser;
let page: Page;
let scenario: Scenario;
let funnel: FunnelResult;

beforeAll(async () => {
  const [dir, bundle] = await Promise.all([buildSite(), loadBundleDir(sampleDir)]);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  funnel = await runFunnel(bundle, scenario);
  let url: string;
  ({ server, url } = await serveStatic(dir));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const texts = (svg: string): string[] => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1].replaceAll('&amp;', '&'));

describe('exports (sample city, built site)', () => {
  it('writes an SVG whose title, legend, scale bar, north arrow and attribution are text', async () => {
    const svg = (await downloadText(page, () => page.click('#export-svg'))).bytes.toString('utf8');
    const words = texts(svg);
    expect(words).toContain('Regions of the study area');
    expect(words).toContain(scenario.name);
    for (const entry of ['Score', 'kept', 'not kept', 'Competitors', 'Own outlets']) expect(words).toContain(entry);
    expect(words).toContain(manifest.attribution);
    expect(words).toContain('N');
    expect(words.some((w) => /^\d+ k?m$/.test(w))).toBe(true);
    // Region names and scores are labelled on the map.
    for (let r = 0; r < funnel.regions.ids.length; r++) expect(words).toContain(funnel.regions.names[r]);
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
});
