/**
 * The built workbench (what `npm run build` ships) served by a plain static server, in Chromium:
 * the sample city loads, the funnel drills down and back, a weight slider re-ranks exactly as the
 * engine's API does, state survives save/reload/load and the URL, every request stays on the
 * origin. Expected values are computed in Node with the same public API (runFunnel, rerank).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { parseScenario, rerank, runFunnel, weightSensitivity, type FunnelResult, type LevelResult, type Scenario } from '../../src/app/engine-api.ts';
import { decodeUrlState } from '../../src/app/state/state-url.ts';
import { en } from '../../src/app/i18n/en.ts';
import { zh } from '../../src/app/i18n/zh.ts';
import { afterRun, crumbs, downloadText, moveSlider, openWorkbench, tableCount, tableNames, tableScores, type WorkbenchSession } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let session: WorkbenchSession;
let url: string;
let page: Page;
let requests: string[];
let bundle: LoadedBundle;
let scenario: Scenario;
let funnel: FunnelResult;
const dialogs: string[] = [];

/** Names of a level's units under `parent` in rank order (what the table must show). */
function rankedNames(level: LevelResult, parent: number): string[] {
  const units = [...level.ids.keys()].filter((i) => parent < 0 || level.parent[i] === parent);
  return units.sort((a, b) => level.rank[a] - level.rank[b]).map((i) => level.names[i] || level.ids[i]);
}

function best(level: LevelResult): number {
  return level.rank.indexOf(1);
}

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  funnel = await runFunnel(bundle, scenario, { database: testDb() });
  session = await openWorkbench({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  ({ url, page, requests } = session);
  // Dialogs are recorded from here on, before the tests load any file of their own.
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 180_000);

afterAll(() => session?.close());

describe('workbench on the sample city (built site)', () => {
  it('shows every region on the map and ranks them as runFunnel does', async () => {
    const regionCount = bundle.regions!.ids.length;
    expect(await page.locator('#map g[aria-label="geo"] path').count()).toBeGreaterThanOrEqual(regionCount);
    expect(await page.$$eval('#map svg .unit-areas path', (p) => p.length)).toBe(regionCount);
    expect(await tableCount(page)).toBe(regionCount);
    expect(await tableNames(page)).toEqual(rankedNames(funnel.regions, -1));
    await page.screenshot({ path: 'test-output/workbench-regions.png' });
  });

  it('perturbs the weights in the worker exactly as weightSensitivity() does', async () => {
    await page.fill('#sensitivity-k', '2');
    await page.click('#sensitivity-run');
    const box = page.locator('#sensitivity-panel [data-result]');
    await box.waitFor();
    const shown = JSON.parse((await box.getAttribute('data-result')) ?? '[]') as { name: string; p: number; interval: string }[];
    const r = funnel.regions;
    const expected = weightSensitivity(r.criteria.map((c) => c.normalised), r.criteria.map((c) => c.weight), r.ids, { concentration: 50, draws: 500, seed: 1, topK: 2, combine: r.combine ?? 'sum' });
    const byRank = [...r.ids.keys()].sort((a, b) => r.rank[a] - r.rank[b]);
    expect(shown).toEqual(byRank.map((i) => ({ name: r.names[i], p: expected.pTopK[i], interval: `${expected.rankP05[i]}–${expected.rankP95[i]}` })));
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
    await page.waitForSelector('#map svg path.huff-band', { timeout: 20_000 });
    expect(await page.locator('#map svg path.selected-ring').count()).toBe(1);
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
    const rerun = await runFunnel(bundle, edited, { database: testDb() });
    expect((await tableNames(page)).slice(0, 10)).toEqual(rankedNames(rerun.districts, region).slice(0, 10));
  });

  it('exports the ranked table (CSV, GeoJSON), the map (SVG, PNG) and a one-file HTML report', async () => {
    await page.click('#breadcrumb .crumb-all');
    const names = await tableNames(page);
    const n = funnel.regions.ids.length;
    const csv = (await downloadText(page, () => page.click('#export-csv'))).bytes.toString('utf8').trim().split('\r\n');
    expect(csv.length).toBe(n + 1);
    expect(csv[0].split(',').slice(0, 5)).toEqual(['rank', 'id', 'name', 'score', 'kept']);
    expect(csv.slice(1).map((line) => line.split(',')[2])).toEqual(names);
    const geo = JSON.parse((await downloadText(page, () => page.click('#export-geojson'))).bytes.toString('utf8')) as {
      features: { geometry: { type: string }; properties: { rank: number; name: string } }[];
    };
    expect(geo.features.map((f) => f.properties.name)).toEqual(names);
    expect(geo.features.map((f) => f.properties.rank)).toEqual([...Array(n).keys()].map((k) => k + 1));
    expect(new Set(geo.features.map((f) => f.geometry.type)).size).toBeGreaterThan(0);
    for (const f of geo.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    const svg = (await downloadText(page, () => page.click('#export-svg'))).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[\s>]/);
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThanOrEqual(n);
    const png = (await downloadText(page, () => page.click('#export-png'))).bytes;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const report = (await downloadText(page, () => page.click('#export-report'))).bytes.toString('utf8');
    expect(report.startsWith('<!doctype html>')).toBe(true);
    expect(report).toContain('<svg');
    for (const name of names) expect(report).toContain(`<td>${name}</td>`);
    expect(report).not.toContain('<script');
  });

  it('saves a scenario, reloads the page from its URL, loads the saved scenario: identical results', async () => {
    const region = best(funnel.regions);
    await afterRun(page, () => moveSlider(page, 'input.weight[data-criterion="demand"]', 0.5, true));
    const savedRegions = { names: await tableNames(page), scores: await tableScores(page) };
    await page.click('#scenario-save');
    const file = (await downloadText(page, () => page.click('#scenario-download'))).bytes.toString('utf8');
    const saved = parseScenario(JSON.parse(file));
    expect(saved.criteria.find((c) => c.id === 'demand')?.levels?.region).toBe(0.5);
    const before = new URL(page.url()).hash;
    await page.click('.rt-row >> nth=0');
    await page.keyboard.press('Enter');
    const savedDistricts = await tableNames(page);
    // The hash follows the state a moment later (it is written at most every 150 ms).
    await page.waitForFunction((h) => location.hash !== h, before);
    const link = page.url();

    // Reload from the URL: same level, same weights, same ranking.
    await page.reload();
    await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
    // The link decodes to the same state after the reload (scenario, level, weights, layers).
    expect(decodeUrlState(new URL(page.url()).hash)).toEqual(decodeUrlState(new URL(link).hash));
    expect(await page.textContent('#breadcrumb .crumb-region')).toBe(funnel.regions.names[region]);
    expect(await tableNames(page)).toEqual(savedDistricts);
    await page.click('#breadcrumb .crumb-all');
    expect(await page.inputValue('input.weight[data-criterion="demand"]')).toBe('0.5');
    expect(await tableNames(page)).toEqual(savedRegions.names);
    expect(await tableScores(page)).toEqual(savedRegions.scores);

    // A fresh page has the default scenario; loading the saved one restores the results.
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
    expect(await tableNames(page)).toEqual(rankedNames(funnel.regions, -1));
    await afterRun(page, () => page.click('#scenario-load'));
    expect(await tableNames(page)).toEqual(savedRegions.names);
    expect(await tableScores(page)).toEqual(savedRegions.scores);
  });

  it('shows a POI named <img src=x onerror=alert(1)> as text and runs nothing', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const lon = bundle.pois!.lon[0];
    const lat = bundle.pois!.lat[0];
    const csv = `id,name,lon,lat,category\nx1,"${evil}",${lon},${lat},cafe\n`;
    await page.setInputFiles('#data-files', { name: 'xss-pois.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const card = page.locator('.file-card[data-file="xss-pois.csv"]');
    await card.locator('select.role-select[data-column="category"]').selectOption('category');
    expect(await card.locator('select.role-select[data-column="name"]').inputValue()).toBe('name');
    expect(await card.locator('td.sample').allTextContents()).toContain(evil);
    await card.locator('button.load-layer').click();
    await card.locator('.layer-report').waitFor();
    expect(await card.locator('.count.loaded dd').textContent()).toBe('1');
    // DuckDB-WASM boots from the built site's own assets, inside the engine worker.
    expect(await card.locator('.layer-report').getAttribute('data-sums-by')).toBe('duckdb');
    await page.check('input[data-layer="pois"]');
    // The map repaints on the next frame: wait for the POI's tooltip, which holds the name as text.
    await page.waitForFunction((e) => [...document.querySelectorAll('#map svg title')].some((t) => (t.textContent ?? '').includes(e)), evil);
    const titles = await page.$$eval('#map svg title', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(titles.filter((t) => t.includes(evil))).toEqual([`POIs: ${evil} · cafe`]);
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(dialogs).toEqual([]);
    // New data clears the scores until the funnel runs again.
    expect(await page.locator('.rt-row').count()).toBe(0);
    await afterRun(page, () => page.click('#run-funnel'));
    expect(await tableCount(page)).toBe(funnel.regions.ids.length);
  });

  it('中文: every label is translated, no key is missing', async () => {
    await page.selectOption('#lang-select', 'zh');
    await page.click('.rt-row >> nth=0');
    await page.waitForSelector('#breakdown-panel table');
    const englishOnly: string[] = Object.keys(en).filter((k) => en[k as keyof typeof en] !== zh[k as keyof typeof zh]).map((k) => en[k as keyof typeof en]);
    const seen = await page.evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      // Text from data (names, column names) is marked translate="no" and is not a label.
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('[translate="no"]')) texts.push((node.textContent ?? '').trim());
      for (const el of document.querySelectorAll('[aria-label],[title]')) texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
      const labelled = [...document.querySelectorAll<HTMLElement>('[data-i18n]')].map((el) => [el.dataset.i18n ?? '', el.textContent ?? '']);
      const i18n = (window as unknown as { workbenchI18n: { missingKeys(): string[]; dictionaryGaps(l: string): string[] } }).workbenchI18n;
      return { texts, labelled, missing: i18n.missingKeys(), gaps: i18n.dictionaryGaps('zh') };
    });
    expect(seen.missing).toEqual([]);
    expect(seen.gaps).toEqual([]);
    expect(seen.labelled.length).toBeGreaterThan(40);
    for (const [key, text] of seen.labelled) expect(text, key).toBe(zh[key as keyof typeof zh]);
    // An English label alone, or leading a status such as "Ready · 300 ms", is an untranslated label.
    const untranslated = seen.texts.filter((text) => englishOnly.some((en) => text === en || text.startsWith(`${en} · `) || text.startsWith(`${en}: `)));
    expect(untranslated).toEqual([]);
    await page.screenshot({ path: 'test-output/workbench-zh.png' });
  });

  it('reaches every control with Tab and shows where the focus is', async () => {
    await page.selectOption('#lang-select', 'en');
    await page.click('#breadcrumb .crumb-all').catch(() => undefined);
    const controls = await page.$$eval('button, select, input, summary, [tabindex="0"]', (nodes) =>
      nodes
        .filter((n) => !(n as HTMLButtonElement).disabled && !n.closest('details:not([open]) > :not(summary)') && n.getClientRects().length > 0)
        .map((n, i) => {
          n.setAttribute('data-tab-probe', String(i));
          return String(i);
        }),
    );
    await page.focus('#lang-select');
    const reached = new Set<string>();
    let outline = '';
    for (let k = 0; k < controls.length * 2 + 10; k++) {
      await page.keyboard.press('Tab');
      const probe = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-probe') ?? '');
      // Tab order wraps around the page: once every control has been seen, stop.
      reached.add(probe);
      if (controls.every((c) => reached.has(c))) break;
      if (probe !== '' && outline === '') outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    }
    expect(controls.filter((c) => !reached.has(c))).toEqual([]);
    expect(outline).not.toBe('none');
  });

  it('sends no request outside the page origin', () => {
    const origin = new URL(url).origin;
    const outside = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
