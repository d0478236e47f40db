/**
 * DuckDB in the workbench (Chromium, Vite dev server): after the first scored map the engine
 * worker's DuckDB-WASM holds the sample's layers and rejects as tables, with the counts the page
 * shows; the SQL filter box refuses what is not one condition over the candidates' columns, and a
 * valid filter marks exactly the candidates failing it (checked against data/sample/candidates.csv)
 * as "filtered out by: …". Nothing is fetched from another origin.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvText } from '../../src/io/read-csv.ts';
import { afterRun, openWorkbench, type WorkbenchSession } from './page-helpers.ts';

const candidatesCsv = new URL('../../data/sample/candidates.csv', import.meta.url).pathname;
let session: WorkbenchSession;
let url: string;
let page: Page;
let requests: string[];

beforeAll(async () => {
  session = await openWorkbench({ site: 'dev', viewport: { width: 1400, height: 1000 } });
  ({ url, page, requests } = session);
}, 180_000);

afterAll(() => session?.close());

async function submitFilter(text: string): Promise<string> {
  await page.fill('#sql-filter', text);
  await page.evaluate(() => (document.getElementById('sql-filter-message')!.textContent = ''));
  await page.click('#sql-filter-apply');
  await page.waitForFunction(() => (document.getElementById('sql-filter-message')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
  return (await page.textContent('#sql-filter-message')) ?? '';
}

describe('DuckDB-WASM in the engine worker', () => {
  it('holds every layer of the sample and its rejects as tables, with the counts the page shows', async () => {
    await page.waitForSelector('body[data-engine="duckdb-tables"]', { timeout: 120_000 });
    const { rows, counts, rejected } = await page.evaluate(async () => {
      const w = (window as unknown as { workbench: { engine: { call(r: unknown): Promise<{ rows: Record<string, number> }> }; mapData: { counts: Record<string, number>; reports: { rejected: number }[] } } }).workbench;
      const reply = await w.engine.call({ type: 'tables' });
      return { rows: reply.rows, counts: w.mapData.counts, rejected: w.mapData.reports.reduce((s, r) => s + r.rejected, 0) };
    });
    const { rejects, ...layers } = rows;
    expect(layers).toEqual(counts);
    expect(rejects).toBe(rejected);
    // the sample's 20 deliberate address misses at least (README)
    expect(rejects).toBeGreaterThanOrEqual(20);
  }, 150_000);
});

describe('the SQL filter box', () => {
  it('refuses a statement, a file-reading function and an unknown column, saying why', async () => {
    expect(await submitFilter('rent < 1; DROP TABLE candidates')).toMatch(/cannot contain a ";"/);
    expect(await submitFilter("read_csv('data/sample/candidates.csv') IS NULL")).toMatch(/cannot call read_csv\(\)/);
    expect(await submitFilter('rnet < 50000')).toMatch(/unknown column "rnet" in the SQL filter; the candidates have: id, lon, lat, .*rent.*floor_area/);
    expect(await page.getAttribute('#sql-filter-message', 'class')).toMatch(/error/);
  });

  it('applies a condition as a constraint: exactly the failing candidates are filtered out', async () => {
    const predicate = 'rent < 10000 AND floor_area > 120';
    await afterRun(page, async () => {
      expect(await submitFilter(predicate)).toContain(predicate);
    });
    const sites = await page.evaluate(() => {
      const f = (window as unknown as { workbench: { levels: { funnel: { sites: { ids: string[]; kept: Uint8Array; excludedBy?: string[] } } } } }).workbench.levels.funnel.sites;
      return f.ids.map((id, i) => ({ id, kept: f.kept[i] === 1, reason: f.excludedBy?.[i] ?? '' }));
    });
    const table = readCsvText(candidatesCsv, readFileSync(candidatesCsv, 'utf8'));
    const passes = new Map(table.values.id.map((id, r) => [String(id), Number(table.values.rent[r]) < 10000 && Number(table.values.floor_area[r]) > 120]));
    let filtered = 0;
    for (const site of sites) {
      const ok = passes.get(site.id);
      expect(ok, site.id).toBeDefined();
      // an earlier constraint (distance to own outlets, the rent limit) may be named first
      if (site.reason === `filtered out by: ${predicate}`) {
        filtered++;
        expect(ok, site.id).toBe(false);
      }
      if (!ok) expect(site.reason, site.id).not.toBe('');
      if (site.kept) expect(ok, site.id).toBe(true);
    }
    expect(filtered).toBeGreaterThan(0);
    expect(sites.some((s) => s.kept)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { workbench: { state: { scenario: { constraints: { filter?: string } } } } }).workbench.state.scenario.constraints.filter)).toBe(predicate);
  }, 120_000);

  it('fetches nothing from another origin', () => {
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
  });
});
