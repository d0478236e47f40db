/**
 * Several DC files picked at once: the page proposes a layer and column roles for each with the
 * detector `siteselect init` uses (test/cli/init.test.ts proposes the same for the folder), writes
 * them into the editable file cards, and "Load all as proposed" loads them with the counts
 * published with the data (../shared/data/README.md): 8 wards, 179 tracts holding 601 723 people,
 * 233 bank branches, 40 metro stations. No request leaves the page's origin.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench } from './page-helpers.ts';

const dc = (file: string): string => new URL(`../../../shared/data/dc/${file}`, import.meta.url).pathname;
const FILES = ['ward-2012.geojson', 'census-tracts-2010.geojson', 'bank-locations.geojson', 'metro-stations-district.geojson'];
let workbench: Awaited<ReturnType<typeof openWorkbench>>;
let page: Page;

beforeAll(async () => {
  workbench = await openWorkbench({ site: 'dev', viewport: { width: 1400, height: 1100 } });
  page = workbench.page;
}, 180_000);

afterAll(() => workbench?.close());

const card = (file: string) => page.locator(`.file-card[data-file="${file}"]`);

describe('import proposal on a multi-file pick', () => {
  it('proposes wards as regions, tracts as demand, banks as competitors and metro stations as transit, editable in the cards', async () => {
    await page.setInputFiles('#data-files', FILES.map(dc));
    await page.waitForSelector('.import-proposal[data-ready]', { timeout: 60_000 });
    const rows = await page.$$eval('.proposal-list li', (items) => items.map((li) => [li.getAttribute('data-layer'), li.getAttribute('data-file')]));
    expect(rows).toEqual([
      ['regions', 'ward-2012.geojson'],
      ['demand', 'census-tracts-2010.geojson'],
      ['competitors', 'bank-locations.geojson'],
      ['transit', 'metro-stations-district.geojson'],
    ]);
    // Written into the cards, which stay editable.
    expect(await card('census-tracts-2010.geojson').locator('select.layer-select').inputValue()).toBe('demand');
    expect(await card('census-tracts-2010.geojson').locator('select.role-select[data-column="P0010001"]').inputValue()).toBe('population');
    expect(await card('ward-2012.geojson').locator('select.role-select[data-column="WARD"]').inputValue()).toBe('id');
    expect(await card('metro-stations-district.geojson').getAttribute('data-role-constants')).toBe('{"mode":{"value":"metro"}}');
    await page.locator('.import-proposal').screenshot({ path: 'test-output/import-proposal.png' });
  }, 120_000);

  it('loads all four as proposed with the published counts', async () => {
    await page.locator('button.load-all').click();
    await page.waitForFunction((n) => document.querySelectorAll('.file-card[data-proposed] .layer-report').length === n, FILES.length, { timeout: 120_000 });
    const counts = async (file: string): Promise<Record<string, string>> =>
      Object.fromEntries(await card(file).locator('.layer-report .count').evaluateAll((nodes) =>
        nodes.map((n) => [n.className.replace('count ', '') + (n.getAttribute('data-column') ? `:${n.getAttribute('data-column')}` : ''), n.querySelector('dd')?.textContent ?? '']),
      ));
    expect(await counts('ward-2012.geojson')).toMatchObject({ read: '8', loaded: '8', rejected: '0' });
    expect(await counts('census-tracts-2010.geojson')).toMatchObject({ loaded: '179', rejected: '0', 'sum:population': '601,723' });
    expect(await counts('bank-locations.geojson')).toMatchObject({ loaded: '233', rejected: '0' });
    expect(await counts('metro-stations-district.geojson')).toMatchObject({ loaded: '40', rejected: '0' });
    await page.screenshot({ path: 'test-output/import-proposal-loaded.png', fullPage: false });
    expect(await page.textContent('.proposal-status')).toBe('4 / 4 layers loaded');
    const i18n = await page.evaluate(() => {
      const dict = (window as unknown as { workbenchI18n: { missingKeys(): string[]; dictionaryGaps(l: string): string[] } }).workbenchI18n;
      return { missing: dict.missingKeys(), gaps: dict.dictionaryGaps('zh') };
    });
    expect(i18n.missing).toEqual([]);
    expect(i18n.gaps.filter((k) => k.startsWith('proposal.'))).toEqual([]);
    // A whole new city replaces the sample: none of its layers, basemap, badge or attribution stays.
    expect(await page.textContent('.proposal-new-city')).toContain('replaces the city loaded now');
    await page.waitForFunction(() => document.querySelectorAll('#map svg .unit-areas path').length === 8);
    const map = await page.evaluate(() => (window as unknown as { workbench: { mapData: { counts: Record<string, number>; synthetic: boolean; basemap?: unknown } } }).workbench.mapData);
    expect(map.counts).toEqual({ regions: 8, demand: 179, competitors: 233, transit: 40 });
    expect(map.synthetic).toBe(false);
    expect(map.basemap).toBeUndefined();
    expect(await page.isHidden('#synthetic-badge')).toBe(true);
    for (const layer of ['network', 'candidates', 'pois']) expect(await page.isDisabled(`#layer-toggles input[data-layer="${layer}"]`)).toBe(true);
    expect(await page.locator('#map svg .overlay-network, #map svg .overlay-pois, #map svg .overlay-candidates').count()).toBe(0);
    const attribution = (await page.$$eval('#map svg .map-attribution', (ts) => ts.map((x) => x.textContent ?? ''))).join(' ');
    expect(attribution).toContain('Data: imported files ward-2012.geojson, census-tracts-2010.geojson');
    expect(attribution).not.toMatch(/Synthetic|Basemap/);
    const origin = new URL(workbench.url).origin;
    expect(workbench.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  }, 180_000);
});
