/**
 * The optimisation panel in the built workbench (Chromium, one page load): MCLP on the sample city
 * shows what problemFromBundle + optimize compute in Node for the same options; a long exact run
 * is cancelled (its worker terminated) and Run works again; labels exist in 中文; nothing leaves
 * the origin.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { bundleTerritoryPolygons, objectiveCurve, optimize, parseScenario, problemFromBundle, territoriesFromBundle, type Scenario } from '../../src/app/engine-api.ts';
import { openWorkbench, type WorkbenchSession } from './page-helpers.ts';

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let session: WorkbenchSession;
let url: string;
let page: Page;
let requests: string[];
let bundle: LoadedBundle;
let scenario: Scenario;

async function panelState(): Promise<string | undefined> {
  return page.$eval('#optimize-panel', (n) => (n as HTMLElement).dataset.state);
}

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  session = await openWorkbench({ viewport: { width: 1400, height: 900 } });
  ({ url, page, requests } = session);
}, 180_000);

afterAll(() => session?.close());

describe('optimisation panel (built site)', () => {
  it('labels every control, so it is usable from the keyboard', async () => {
    const unlabelled = await page.$$eval('#optimize-panel input, #optimize-panel select', (nodes) => nodes.filter((n) => !n.closest('label')).map((n) => n.id));
    expect(unlabelled).toEqual([]);
    expect(await panelState()).toBe('idle');
  });

  it('runs MCLP p=3, radius 1500 m and shows what optimize() gives in Node for the same options', async () => {
    const expected = await optimize(problemFromBundle(bundle, { model: 'mclp', p: 3, radius: 1500, scenario, includeNetwork: true }), { method: 'auto' });
    await page.selectOption('#optimize-model', 'mclp');
    await page.fill('#optimize-p', '3');
    await page.fill('#optimize-radius', '1500');
    await page.selectOption('#optimize-method', 'auto');
    // Started from the keyboard: focus the button, press Enter.
    await page.focus('#optimize-run');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#optimize-panel[data-state="done"]', { timeout: 60_000 });

    // The objective is printed with up to 4 decimals in en-US grouping: parse it back.
    const objectiveText = (await page.textContent('#optimize-objective')) ?? '';
    expect(Math.abs(Number(objectiveText.replace(/,/g, '')) - expected.objective)).toBeLessThanOrEqual(5e-5 * Math.max(1, Math.abs(expected.objective)) + 5e-5);
    // The 3 new candidates are listed; the own outlets kept open are counted, not listed.
    const newIds = expected.selectedIds.filter((id) => !id.startsWith('own:'));
    expect(newIds).toHaveLength(3);
    expect(await page.$$eval('#optimize-selected li', (li) => li.map((n) => n.textContent ?? ''))).toEqual(newIds);
    const own = bundle.network?.ids.length ?? 0;
    expect(own).toBeGreaterThan(0);
    expect(await page.getAttribute('#optimize-kept', 'data-count')).toBe(String(own));
    expect(await page.textContent('#optimize-kept')).toBe(`+ ${own} own outlets kept open`);
    expect(await page.textContent('#optimize-objective + span + .optimize-unit')).toBe('people covered');
    expect(await page.getAttribute('#optimize-exact', 'data-exact')).toBe(String(expected.exact));
    expect(await page.textContent('#optimize-coverage')).toBe(`${expected.coveragePct?.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);
    expect(Number(await page.$eval('#optimize-progress', (n) => (n as HTMLProgressElement).value))).toBe(1);
  }, 90_000);

  it('cancels a long exact run: status says cancelled and Run works again', async () => {
    // Exact MCLP with p = 10 takes ~8 s in Node; in the page it is cancelled while HiGHS works.
    await page.selectOption('#optimize-method', 'exact');
    await page.fill('#optimize-p', '10');
    await page.click('#optimize-run');
    expect(await panelState()).toBe('running');
    expect(await page.isDisabled('#optimize-run')).toBe(true);
    // Cancel while HiGHS is inside its synchronous solve: only terminating the worker can stop that.
    await page.waitForFunction(() => document.getElementById('optimize-stage')?.textContent === 'solving MILP (HiGHS)', null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await panelState()).toBe('running');
    await page.click('#optimize-cancel');
    expect(await panelState()).toBe('cancelled');
    expect(await page.textContent('#optimize-status')).toBe('Cancelled');
    expect(await page.isDisabled('#optimize-run')).toBe(false);
    expect(await page.isDisabled('#optimize-cancel')).toBe(true);
    expect(await page.$$eval('#optimize-selected li', (li) => li.length)).toBe(0);
    // The terminated worker cannot answer late.
    await page.waitForTimeout(500);
    expect(await panelState()).toBe('cancelled');
  }, 45_000);

  it('then runs an exact MCLP to optimality (HiGHS wasm served from the origin), as in Node', async () => {
    // p = 3 at 800 m: about 2 s of HiGHS in Node.
    const expected = await optimize(problemFromBundle(bundle, { model: 'mclp', p: 3, radius: 800, scenario, includeNetwork: true }), { method: 'exact' });
    expect(expected.exact).toBe(true);
    await page.fill('#optimize-p', '3');
    await page.fill('#optimize-radius', '800');
    await page.click('#optimize-run');
    await page.waitForSelector('#optimize-panel[data-state="done"]', { timeout: 60_000 });
    const objectiveText = (await page.textContent('#optimize-objective')) ?? '';
    expect(Number(objectiveText.replace(/,/g, ''))).toBeCloseTo(expected.objective, 3);
    expect(await page.getAttribute('#optimize-exact', 'data-exact')).toBe('true');
    expect(await page.textContent('#optimize-gap')).toBe('proved optimal');
    expect(await page.textContent('#optimize-solver-status')).toBe('Optimal');
    expect(await page.$$eval('#optimize-selected li', (li) => li.map((n) => n.textContent ?? ''))).toEqual(expected.selectedIds.filter((id) => !id.startsWith('own:')));
  }, 90_000);

  it('draws the curve for 1 … p: MCLP at 800 m, p = 1..3, each value as optimize() gives it in Node', async () => {
    const problem = problemFromBundle(bundle, { model: 'mclp', p: 3, radius: 800, scenario, includeNetwork: true });
    const expected = await objectiveCurve(problem, 1, 3, { method: 'auto' });
    await page.selectOption('#optimize-model', 'mclp');
    await page.selectOption('#optimize-method', 'auto');
    await page.fill('#optimize-p', '3');
    await page.fill('#optimize-radius', '800');
    await page.check('#optimize-curve');
    await page.click('#optimize-run');
    await page.waitForSelector('#optimize-panel[data-state="done"]', { timeout: 90_000 });
    const rows = await page.$$eval('#optimize-curve-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    rows.forEach((r, k) => {
      expect(Number(r[1].replace(/,/g, ''))).toBe(Math.round(expected.points[k].result.objective));
      if (k > 0) expect(Number(r[2].replace(/,/g, ''))).toBe(Math.round(expected.points[k].result.objective) - Math.round(expected.points[k - 1].result.objective));
    });
    // The panel's own answer is the last point's.
    expect(Number(((await page.textContent('#optimize-objective')) ?? '').replace(/,/g, ''))).toBeCloseTo(expected.points[2].result.objective, 3);
    await page.uncheck('#optimize-curve');
  }, 120_000);

  it('Automatic p-median on the whole sample city falls back to the heuristic and says how close it is', async () => {
    // 5 861 demand points × 2 170 facilities = 12.6 M pairs: far above the MILP limit.
    await page.selectOption('#optimize-model', 'pmedian');
    await page.selectOption('#optimize-method', 'auto');
    await page.fill('#optimize-p', '2');
    await page.click('#optimize-run');
    await page.waitForSelector('#optimize-panel[data-state="done"], #optimize-panel[data-state="error"]', { timeout: 120_000 });
    expect(await page.textContent('#optimize-status')).toBe('Done');
    const gap = Number(await page.getAttribute('#optimize-gap', 'data-gap'));
    const text = (await page.textContent('#optimize-gap')) ?? '';
    if (gap === 0) expect(text).toBe('proved optimal');
    else expect(text).toMatch(/^within [0-9.]+ % of the best possible$/);
    expect(gap).toBeLessThanOrEqual(0.02);
    expect(await page.textContent('#optimize-objective + span + .optimize-unit')).toBe('person-metres (demand × distance)');
    expect(await page.$$eval('#optimize-selected li', (li) => li.length)).toBe(2);
  }, 150_000);

  it('draws the own outlets\' territories on the map, as many as territoriesFromBundle gives in Node', async () => {
    const expected = bundleTerritoryPolygons(bundle, territoriesFromBundle(bundle, { tradeRadius: 1000 }));
    expect(expected.length).toBe(bundle.network?.ids.length);
    await page.check('#territory-toggle');
    await page.waitForFunction((n) => document.querySelectorAll('#map path.territory').length === n, expected.length, { timeout: 120_000 });
    const outlets = await page.$$eval('#map path.territory', (ps) => ps.map((p) => p.getAttribute('data-outlet')));
    expect(outlets).toEqual(expected.map((f) => f.properties.outlet));
    // Each territory is a patch of the city: a ring d3 read the wrong way round would cover the whole map.
    const widest = await page.$$eval('#map path.territory', (ps) => Math.max(...ps.map((p) => (p as SVGGraphicsElement).getBBox().width)));
    const mapWidth = await page.$eval('#map svg', (svg) => svg.getBoundingClientRect().width);
    expect(widest).toBeLessThan(mapWidth / 2);
    await page.uncheck('#territory-toggle');
    expect(await page.$$eval('#map path.territory', (ps) => ps.length)).toBe(0);
  }, 150_000);

  it('optimises over the candidates the planner imported, not the sample\'s it replaced', async () => {
    const c = bundle.candidates!;
    // Six of the sample's own candidate positions under new ids: the replaced layer is all there is.
    const picks = [0, 300, 600, 900, 1200, 1500];
    const csv = ['id,lon,lat', ...picks.map((k, n) => `N${n + 1},${c.lon[k]},${c.lat[k]}`)].join('\n');
    await page.setInputFiles('#data-files', { name: 'new-sites.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const card = page.locator('.file-card[data-file="new-sites.csv"]');
    await card.locator('select.layer-select').selectOption('candidates');
    await card.locator('select.role-select').first().waitFor();
    await card.locator('select.mode-select').selectOption('replace');
    await card.locator('button.load-layer').click();
    await card.locator('.layer-report').waitFor({ timeout: 60_000 });
    const imported: LoadedBundle = { ...bundle, candidates: { ...c, ids: picks.map((_, n) => `N${n + 1}`), lon: Float64Array.from(picks, (k) => c.lon[k]), lat: Float64Array.from(picks, (k) => c.lat[k]), numeric: {}, text: {} } };
    const expected = await optimize(problemFromBundle(imported, { model: 'mclp', p: 2, radius: 1500, scenario, includeNetwork: true }), { method: 'heuristic' });
    await page.selectOption('#optimize-model', 'mclp');
    await page.fill('#optimize-p', '2');
    await page.fill('#optimize-radius', '1500');
    await page.selectOption('#optimize-method', 'heuristic');
    await page.click('#optimize-run');
    await page.waitForSelector('#optimize-panel[data-state="done"]', { timeout: 60_000 });
    const chosen = await page.$$eval('#optimize-selected li', (li) => li.map((n) => n.textContent ?? ''));
    expect(chosen).toEqual(expected.selectedIds.filter((id) => !id.startsWith('own:')));
    expect(chosen.every((id) => /^N[1-6]$/.test(id))).toBe(true);
  }, 150_000);

  it('has every label in 中文', async () => {
    await page.selectOption('#lang-select', 'zh');
    expect(await page.textContent('#optimize-run')).toBe('运行优化');
    expect(await page.textContent('#optimize-status')).toBe('完成');
    const gaps = await page.evaluate(() => {
      const i18n = (window as unknown as { workbenchI18n: { missingKeys(): string[]; dictionaryGaps(l: string): string[] } }).workbenchI18n;
      return { missing: i18n.missingKeys(), gaps: i18n.dictionaryGaps('zh') };
    });
    expect(gaps).toEqual({ missing: [], gaps: [] });
  });

  it('sends no request outside the origin', () => {
    const origin = new URL(url).origin;
    expect(requests.length).toBeGreaterThan(0);
    // The solver's wasm came from this origin too (the exact run above needed it).
    expect(requests.some((r) => r.startsWith(origin) && /highs[^/]*\.wasm$/.test(r))).toBe(true);
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  });
});
