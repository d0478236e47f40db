/**
 * The Forecast panel in the built workbench (Chromium, sample city): selecting a kept site shows the
 * forecast, interval, cannibalised, net, the five own outlets it takes most from and its similar
 * branches — the numbers the API gives for the same site (calibrate + forecast + analogs in Node).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickRows } from '../../src/data/concat-layers.ts';
import { analogs } from '../../src/forecast/analogs.ts';
import { calibrate, forecast } from '../../src/forecast/from-bundle.ts';
import { formatNumber } from '../../src/format/number.ts';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { parseScenario, type Scenario } from '../../src/app/engine-api.ts';
import type { SiteForecastView } from '../../src/app/worker/forecast-site.ts';
import { openWorkbench, type WorkbenchSession } from './page-helpers.ts';

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let session: WorkbenchSession;
let page: Page;
let bundle: LoadedBundle;
let scenario: Scenario;

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  session = await openWorkbench();
  page = session.page;
}, 180_000);

afterAll(() => session?.close());

describe('forecast panel (sample city, built site)', () => {
  it('asks for a site until one is selected, then shows the API forecast, transfers and similar branches for it', async () => {
    expect(await page.textContent('#forecast-panel')).toContain('Select a site');
    await page.click('#tab-shortlist');
    const first = page.locator('.shortlist-table tbody tr').first();
    const siteId = await first.getAttribute('data-id');
    await first.click();
    await page.click('#tab-forecast'); // ui: the forecast shares its place with the breakdown, as a tab
    await page.waitForSelector('#forecast-panel .fc-body', { timeout: 60_000 });
    const shown = JSON.parse((await page.getAttribute('#forecast-panel .fc-body', 'data-result')) ?? '{}') as SiteForecastView;
    expect(shown.siteId).toBe(siteId);

    const calibration = calibrate(bundle, scenario);
    const site = pickRows(bundle.candidates!, [bundle.candidates!.ids.indexOf(siteId!)]);
    const reference = forecast(bundle, scenario, calibration, site, { top: 5 });
    expect(shown.forecast).toBeCloseTo(reference.forecast[0], 2);
    expect(shown.low).toBeCloseTo(reference.low[0], 2);
    expect(shown.high).toBeCloseTo(reference.high[0], 2);
    expect(shown.net).toBeCloseTo(reference.net[0], 2);
    expect(shown.transfers.map((tr) => tr.id)).toEqual(reference.transfers[0].map((tr) => reference.outletIds[tr.outlet]));
    const similar = await analogs(bundle, site, { k: 5 });
    expect(shown.analogs.map((a) => a.id)).toEqual(similar.analogs[0].map((a) => a.id));

    const text = (await page.textContent('#forecast-panel')) ?? '';
    const en = { lang: 'en' } as const;
    expect(text).toContain(`${formatNumber(Math.round(reference.forecast[0]), en)}  (${formatNumber(Math.round(reference.low[0]), en)} – ${formatNumber(Math.round(reference.high[0]), en)})`);
    expect(text).toContain(shown.transfers[0].name);

    // The transfers as flows on the map: one line per outlet, ending at the site, widest for the largest.
    const lines = await page.$$eval('#map line.forecast-flow', (ls) => ls.map((l) => Number(l.getAttribute('stroke-width'))));
    expect(lines).toHaveLength(shown.transfers.length);
    expect(lines[0]).toBe(6);
    lines.forEach((w, k) => expect(w).toBeCloseTo(Math.max(1, (6 * shown.transfers[k].amount) / shown.transfers[0].amount), 6));
    const ends = await page.$$eval('#map line.forecast-flow', (ls) => ls.map((l) => `${l.getAttribute('x2')},${l.getAttribute('y2')}`));
    const siteAt = await page.$eval('#map circle.selected-site', (c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`);
    expect(new Set(ends)).toEqual(new Set([siteAt]));
    // Flows from outlets beyond the drawn area are cut at the drawing's edge, not drawn over the title or legend.
    const clip = await page.$eval('#map g.highlight', (g) => {
      const id = /^url\(#(.+)\)$/.exec(g.getAttribute('clip-path') ?? '')?.[1];
      const rect = id ? document.getElementById(id)?.querySelector('rect') : null;
      const title = document.querySelector('#map text.map-title')?.getBoundingClientRect();
      const svg = document.querySelector('#map svg')?.getBoundingClientRect();
      return rect && title && svg ? { top: Number(rect.getAttribute('y')), bottom: Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')), titleBottom: title.bottom - svg.top, height: svg.height } : null;
    });
    expect(clip).not.toBeNull();
    expect(clip!.top).toBeGreaterThanOrEqual(clip!.titleBottom);
    expect(clip!.bottom).toBeLessThan(clip!.height);
  }, 180_000);

  it('made no request beyond the page itself', () => {
    const origin = new URL(session.url).origin;
    expect(session.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
  // ui (issue 14): where a planner looks for it, without pushing the breakdown below the fold.
  it('sits with the breakdown as a tab that carries the figure; at 1280×720 and 1920×1080 both start in view', async () => {
    const shown = JSON.parse((await page.getAttribute('#forecast-panel .fc-body', 'data-result')) ?? '{}') as SiteForecastView;
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      await page.click('#tab-breakdown');
      const table = await page.locator('#breakdown-panel .breakdown-table').boundingBox();
      expect(table!.y + 60).toBeLessThan(viewport.height); // its head and first rows
      expect(await page.textContent('#tab-forecast')).toBe(`Forecast ${formatNumber(Math.round(shown.forecast), { lang: 'en' })}`);
      await page.click('#tab-forecast');
      expect(await page.isHidden('#breakdown-panel')).toBe(true);
      const figures = await page.locator('#forecast-panel .fc-net').boundingBox();
      expect(figures!.y + figures!.height).toBeLessThan(viewport.height);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
