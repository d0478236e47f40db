/**
 * Two plans compared, and a plan shared by its address (built site, Chromium): plan A is kept, a
 * constraint is changed into plan B, and the Compare view lists the sites that enter and leave and
 * the moves of the others exactly as two funnel runs made here say; each plan's points for a site
 * are the funnel's contributions. Opening the page's address in a fresh tab restores plan B's
 * shortlist and the comparison exactly.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node.ts';
import { funnelShortlist, parseScenario, runFunnel, type FunnelResult, type Scenario } from '../../src/app/engine-api.ts';
import { afterRun, openWorkbench, READY_TIMEOUT, type WorkbenchSession } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
const SPACING_B = 1500;
let session: WorkbenchSession;
let browser: Browser;
let page: Page;
let url: string;
let planA: FunnelResult;
let planB: FunnelResult;

const ids = (f: FunnelResult): string[] => funnelShortlist(f).map((e) => e.id);
const rowIds = (p: Page, table: string): Promise<string[]> => p.$$eval(`${table} tbody tr`, (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id ?? ''));

beforeAll(async () => {
  const bundle = await loadBundleDir(sampleDir);
  const a: Scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  const b: Scenario = { ...a, constraints: { ...a.constraints, minSpacing: SPACING_B } };
  [planA, planB] = [await runFunnel(bundle, a, { database: testDb() }), await runFunnel(bundle, b, { database: testDb() })];
  session = await openWorkbench();
  ({ browser, page, url } = session);
}, 180_000);

afterAll(() => session?.close());

async function expectComparison(p: Page): Promise<void> {
  const [a, b] = [ids(planA), ids(planB)];
  expect(await rowIds(p, '#compare-entering')).toEqual(b.filter((id) => !a.includes(id)));
  expect(await rowIds(p, '#compare-leaving')).toEqual(a.filter((id) => !b.includes(id)));
  expect(await rowIds(p, '#compare-both')).toEqual(b.filter((id) => a.includes(id)));
  // Plan A's kept sites are marked on the map.
  expect(await p.locator('#map .plan-a-site').count()).toBe(a.length);
}

describe('compare two plans, share a plan by address (sample city, built site)', () => {
  it('lists the sites entering and leaving the shortlist and the moves of the others, as two funnel runs say', async () => {
    // The sample's wider spacing changes the shortlist (else this test would prove nothing).
    expect(ids(planB)).not.toEqual(ids(planA));
    await page.click('#tab-compare');
    await page.click('#compare-keep');
    const spacing = page.getByLabel('Min. spacing between sites (m)');
    await afterRun(page, async () => {
      await spacing.fill(String(SPACING_B));
      await spacing.dispatchEvent('change');
    });
    await page.click('#tab-compare');
    await expectComparison(page);
    // Each moved site's ranks under A and B.
    const moves = await page.$$eval('#compare-both tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    const rank = (f: FunnelResult, id: string): number => f.sites.rank[f.sites.ids.indexOf(id)];
    expect(moves).toEqual(ids(planB).filter((id) => ids(planA).includes(id)).map((id) => `${rank(planA, id)} → ${rank(planB, id)}`));
  }, 180_000);

  it("gives a site's points per criterion under each plan: the funnel's contributions", async () => {
    const id = (await rowIds(page, '#compare-both'))[0];
    await page.click(`#compare-both tr[data-id="${id}"]`);
    await page.click('#tab-compare');
    const cells = await page.$$eval('#compare-points tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const [ia, ib] = [planA.sites.ids.indexOf(id), planB.sites.ids.indexOf(id)];
    planB.sites.criteria.forEach((c, k) => {
      const a = planA.sites.criteria.find((x) => x.name === c.name)!.contribution[ia];
      expect(cells[k].slice(1, 3)).toEqual([a.toFixed(1), c.contribution[ib].toFixed(1)]);
    });
    expect(cells.at(-1)?.slice(1, 3)).toEqual([planA.sites.score[ia].toFixed(1), planB.sites.score[ib].toFixed(1)]);
  }, 60_000);

  it('Back and Forward move through the comparison: Back to the view before plan A was kept, Forward to the comparison with its sites', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await p.goto(url);
    await p.waitForSelector('body[data-ready]', { timeout: READY_TIMEOUT });
    await p.click('#tab-compare');
    await p.click('#compare-keep');
    const spacing = p.getByLabel('Min. spacing between sites (m)');
    await afterRun(p, async () => {
      await spacing.fill(String(SPACING_B));
      await spacing.dispatchEvent('change');
    });
    await expectComparison(p);
    await p.waitForTimeout(300); // the address follows the state within 150 ms
    await p.goBack();
    // The view before plan A was kept: the Compare view asks for a plan A, none on the map.
    await p.waitForFunction(() => document.querySelectorAll('#map .plan-a-site').length === 0);
    expect(await p.isVisible('#compare-keep')).toBe(true);
    expect(await p.locator('#compare-entering').count()).toBe(0);
    await p.goForward();
    await p.waitForFunction(() => document.querySelectorAll('#map .plan-a-site').length > 0);
    await expectComparison(p);
    await p.close();
  }, 120_000);

  it("restores plan B's shortlist and the comparison exactly from the page's address", async () => {
    await page.click('#tab-shortlist');
    await page.waitForFunction(() => /^#s=/.test(location.hash) && location.hash.length > 40);
    await page.waitForTimeout(300); // the address follows the state within 150 ms
    const address = page.url();
    const before = await rowIds(page, '.shortlist .shortlist-table');
    expect(before).toEqual(ids(planB));
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await fresh.goto(address);
    await fresh.waitForSelector('body[data-ready]', { timeout: READY_TIMEOUT });
    expect(await rowIds(fresh, '.shortlist .shortlist-table')).toEqual(before);
    const scores = (p: Page) => p.$$eval('.shortlist .shortlist-table tbody .sl-score', (tds) => tds.map((td) => td.textContent));
    expect(await scores(fresh)).toEqual(await scores(page));
    await fresh.click('#tab-compare');
    await expectComparison(fresh);
    await fresh.close();
  }, 120_000);
});
