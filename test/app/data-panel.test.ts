/**
 * The data panel in Chromium (Vite dev server): real DC files picked through the file input and
 * mapped column by column give the counts published with the data (../shared/data/README.md):
 * 179 tracts whose population sums to the 2010 census count 601 723, 324 retail sites, 233 bank
 * branches, 40 metro stations. A small bad file's rejects download as CSV, row by row.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadText, openWorkbench, type WorkbenchSession } from './page-helpers.ts';

const dc = (file: string): string => new URL(`../../../shared/data/dc/${file}`, import.meta.url).pathname;
let session: WorkbenchSession;
let url: string;
let page: Page;
let requests: string[];

beforeAll(async () => {
  session = await openWorkbench({ site: 'dev', viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  ({ url, page, requests } = session);
}, 180_000);

afterAll(() => session?.close());

/** Picks one file, sets its layer and roles, loads it and returns its report's counts and sums. */
async function load(file: string, layer: string, roles: Record<string, string>, bytes?: Buffer, mode?: 'append' | 'replace'): Promise<Record<string, string>> {
  const name = file.split('/').pop() ?? file;
  if (bytes) await page.setInputFiles('#data-files', { name, mimeType: 'text/csv', buffer: bytes });
  else await page.setInputFiles('#data-files', file);
  const card = page.locator(`.file-card[data-file="${name}"]`);
  await card.locator('select.layer-select').selectOption(layer);
  await card.locator('select.role-select').first().waitFor();
  for (const [column, role] of Object.entries(roles)) await card.locator(`select.role-select[data-column="${column}"]`).selectOption(role);
  if (mode) await card.locator('select.mode-select').selectOption(mode);
  await card.locator('button.load-layer').click();
  await card.locator('.layer-report').waitFor({ timeout: 60_000 });
  const keys = await card.locator('.layer-report .count').evaluateAll((nodes) =>
    nodes.map((n) => [n.className.replace('count ', '') + (n.getAttribute('data-column') ? `:${n.getAttribute('data-column')}` : ''), n.querySelector('dd')?.textContent ?? '']),
  );
  return Object.fromEntries(keys);
}

describe('data panel with the DC open data', () => {
  it('loads wards, tracts, retail sites, banks and metro stations with the published counts', async () => {
    const wards = await load(dc('ward-2012.geojson'), 'regions', { WARD: 'id', NAME: 'name' });
    expect(wards).toMatchObject({ read: '8', loaded: '8', rejected: '0' });
    const tracts = await load(dc('census-tracts-2010.geojson'), 'districts', { GEOID: 'id', P0010001: 'population' });
    expect(tracts).toMatchObject({ read: '179', loaded: '179', rejected: '0', 'sum:population': '601,723' });
    // The total comes from SQL in DuckDB-WASM, running in the engine worker's own worker.
    expect(await page.getAttribute('.file-card[data-file="census-tracts-2010.geojson"] .layer-report', 'data-sums-by')).toBe('duckdb');
    const retail = await load(dc('retail-sites.geojson'), 'candidates', { OBJECTID: 'id', SITENAME: 'name', GISADDRESS: 'address' });
    expect(retail).toMatchObject({ loaded: '324', rejected: '0' });
    // The imported layer is shown at once: its toggle on, its points drawn.
    expect(await page.isChecked('#layer-toggles input[data-layer="candidates"]')).toBe(true);
    await page.waitForSelector('#map svg .overlay-candidates', { timeout: 10_000 });
    const banks = await load(dc('bank-locations.geojson'), 'competitors', { OBJECTID: 'id', NAME: 'brand' });
    expect(banks).toMatchObject({ loaded: '233', rejected: '0' });
    const metro = await load(dc('metro-stations-district.geojson'), 'transit', { OBJECTID: 'id', NAME: 'name' });
    expect(metro).toMatchObject({ loaded: '40', rejected: '0' });
    // The map shows the 8 wards at once (the regions layer was replaced); the old scores are cleared.
    await page.waitForFunction(() => document.querySelectorAll('#map svg .unit-areas path').length === 8);
    expect(await page.locator('.rt-row').count()).toBe(0);
    await page.screenshot({ path: 'test-output/data-panel-dc.png' });
  });

  it('reports a bad file row by row and downloads its rejects as CSV', async () => {
    // Rows 2–4 are bad: no longitude, latitude 95 (out of range), longitude "abc".
    const csv = ['id,name,lon,lat,category', 'p1,Good one,-77.03,38.90,cafe', 'p2,No lon,,38.90,cafe', 'p3,Out of range,-77.03,95,cafe', 'p4,Not a number,abc,38.90,cafe', 'p5,Good two,-77.02,38.91,bank'].join('\n');
    const counts = await load('bad-pois.csv', 'pois', { category: 'category' }, Buffer.from(csv));
    expect(counts).toMatchObject({ read: '5', loaded: '2', rejected: '3' });
    const card = page.locator('.file-card[data-file="bad-pois.csv"]');
    const { name, bytes } = await downloadText(page, () => card.locator('button.rejects-download').click());
    expect(name).toBe('bad-pois-rejects.csv');
    const lines = bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('row,id,column,reason,value');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([['2', 'p2'], ['3', 'p3'], ['4', 'p4']]);
    expect(lines[2]).toContain('95');
    expect(lines[3]).toContain('abc');
  });

  it('adds a candidate file to the current candidates or replaces them, as the planner chooses', async () => {
    const count = async (): Promise<string> => (await page.locator('#layer-toggles label:has(input[data-layer="candidates"]) .muted').textContent()) ?? '';
    expect(await count()).toBe(' (324)'); // the DC retail sites, loaded above
    const taken = (JSON.parse(readFileSync(dc('retail-sites.geojson'), 'utf8')) as { features: { properties: { OBJECTID: number } }[] }).features[0].properties.OBJECTID;
    // Three rows: two new sites and one whose id the loaded layer already holds.
    const csv = ['id,lon,lat', 'new1,-77.03,38.90', 'new2,-77.02,38.91', `${taken},-77.01,38.92`].join('\n');
    const added = await load('more-sites.csv', 'candidates', { id: 'id', lon: 'lon', lat: 'lat' }, Buffer.from(csv), 'append');
    expect(added).toMatchObject({ read: '3', loaded: '2', rejected: '1' });
    await page.waitForFunction(() => document.querySelector('#layer-toggles label:has(input[data-layer="candidates"]) .muted')?.textContent === ' (326)');
    expect(await page.locator('.file-card[data-file="more-sites.csv"] .mode-count').textContent()).toBe('326 rows loaded in this layer now');
    const replaced = await load('only-sites.csv', 'candidates', { id: 'id', lon: 'lon', lat: 'lat' }, Buffer.from(csv), 'replace');
    expect(replaced).toMatchObject({ read: '3', loaded: '3', rejected: '0' });
    await page.waitForFunction(() => document.querySelector('#layer-toggles label:has(input[data-layer="candidates"]) .muted')?.textContent === ' (3)');
  });

  it('sends no request outside the page origin', () => {
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
  });
});
