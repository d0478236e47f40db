/**
 * The built workbench (what `npm run build` ships) served by a plain static server, in Chromium:
 * the sample city loads, the funnel drills down and back, a weight slider re-ranks exactly as the
 * engine's API does, state survives save/reload/load and the URL, every request stays on the
 * origin. Expected values are computed in Node with the same public API (runFunnel, rerank).
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { parseScenario, rerank, runFunnel, type FunnelResult, type LevelResult, type Scenario } from '../../src/app/engine-api.ts';
import { launchBrowser, recordRequests } from '../helpers/browser.ts';
import { buildSite } from './build-site.ts';
import { afterRun, crumbs, moveSlider, tableCount, tableNames } from './page-helpers.ts';
import { serveStatic } from './static-server.ts';

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let server: Server;
let url: string;
let browser: Browser;
let page: Page;
let requests: string[];
let bundle: LoadedBundle;
let scenario: Scenario;
let funnel: FunnelResult;

/** Names of a level's units under `parent` in rank order (what the table must show). */
function rankedNames(level: LevelResult, parent: number): string[] {
  const units = [...level.ids.keys()].filter((i) => parent < 0 || level.parent[i] === parent);
  return units.sort((a, b) => level.rank[a] - level.rank[b]).map((i) => level.names[i] || level.ids[i]);
}

function best(level: LevelResult): number {
  return level.rank.indexOf(1);
}

beforeAll(async () => {
  const [dir, loaded] = await Promise.all([buildSite(), loadBundleDir(sampleDir)]);
  bundle = loaded;
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  funnel = await runFunnel(bundle, scenario);
  ({ server, url } = await serveStatic(dir));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  requests = recordRequests(page);
  page.on('dialog', (d) => {
    throw new Error(`the page opened a dialog: ${d.message()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('workbench on the sample city (built site)', () => {
  it('shows every region on the map and ranks them as runFunnel does', async () => {
    const regionCount = bundle.regions!.ids.length;
    expect(await page.locator('#map g[aria-label="geo"] path').count()).toBeGreaterThanOrEqual(regionCount);
    expect(await page.$$eval('#map svg .unit-areas path', (p) => p.length)).toBe(regionCount);
    expect(await tableCount(page)).toBe(regionCount);
    expect(await tableNames(page)).toEqual(rankedNames(funnel.regions, -1));
    await page.screenshot({ path: 'test-output/workbench-regions.png' });
  });

  it('drills into the top region, then its top district, with the keyboard; the breadcrumb goes back', async () => {
    const region = best(funnel.regions);
    const districts = rankedNames(funnel.districts, region);
    // Top row selected with a click, Enter drills (the table is keyboard-operable).
    await page.click('.rt-row >> nth=0');
    await page.keyboard.press('Enter');
    expect(await crumbs(page)).toEqual(['All', funnel.regions.names[region]]);
    expect(await tableCount(page)).toBe(districts.length);
    expect(await tableNames(page)).toEqual(districts.slice(0, (await tableNames(page)).length));
    expect(await page.$$eval('#map svg .unit-areas path', (p) => p.length)).toBe(districts.length);

    const district = funnel.districts.names.indexOf(districts[0]);
    const sites = rankedNames(funnel.sites, district);
    await page.click('.rt-row >> nth=0');
    await page.keyboard.press('Enter');
    expect(await tableCount(page)).toBe(sites.length);
    expect(sites.length).toBeGreaterThan(0);
    expect((await tableNames(page)).slice(0, 10)).toEqual(sites.slice(0, 10));
    await page.waitForFunction((n) => document.querySelectorAll('#map svg .unit-sites circle').length === n, sites.length);
    // Select the best site: its ring and Huff contours appear.
    await page.click('.rt-row >> nth=0');
    await page.waitForSelector('#map svg .huff-bands path', { timeout: 20_000 });
    expect(await page.locator('#map svg .selected-ring path').count()).toBe(1);
    expect(await page.textContent('#breakdown-panel')).toContain(sites[0]);
    await page.screenshot({ path: 'test-output/workbench-sites.png' });

    await page.click('#breadcrumb .crumb-region');
    expect(await tableCount(page)).toBe(districts.length);
    await page.click('#breadcrumb .crumb-all');
    expect(await tableNames(page)).toEqual(rankedNames(funnel.regions, -1));
  });

  it('re-ranks on a weight slider exactly as rerank() and runFunnel() do for the same weights', async () => {
    const region = best(funnel.regions);
    await page.click('.rt-row >> nth=0');
    await page.keyboard.press('Enter');
    // Demand off and access ×5 at the district level: a large change in the ranking.
    await moveSlider(page, 'input.weight[data-criterion="demand"]', 0, false);
    await moveSlider(page, 'input.weight[data-criterion="access"]', 5, false);
    const weights = Object.fromEntries(funnel.districts.criteria.map((c) => [c.name, c.weight]));
    const expected = rankedNames(rerank(funnel.districts, { ...weights, demand: 0, access: 5 }), region).slice(0, 10);
    expect(expected).not.toEqual(rankedNames(funnel.districts, region).slice(0, 10));
    expect((await tableNames(page)).slice(0, 10)).toEqual(expected);

    // Releasing the slider runs the whole funnel in the worker: the same as runFunnel in Node.
    await afterRun(page, () => moveSlider(page, 'input.weight[data-criterion="access"]', 5, true));
    const edited: Scenario = {
      ...scenario,
      criteria: scenario.criteria.map((c) =>
        c.id === 'demand' ? { ...c, levels: { ...c.levels, district: 0 } } : c.id === 'access' ? { ...c, levels: { ...c.levels, district: 5 } } : c,
      ),
    };
    const rerun = await runFunnel(bundle, edited);
    expect((await tableNames(page)).slice(0, 10)).toEqual(rankedNames(rerun.districts, region).slice(0, 10));
  });

  it('sends no request outside the page origin', () => {
    const origin = new URL(url).origin;
    const outside = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
