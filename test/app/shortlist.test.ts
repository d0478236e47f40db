/**
 * The Shortlist view and the reasons for every site not kept, in the built workbench (Chromium):
 * the page's shortlist is `siteselect report`'s kept list for the sample city, in the same order;
 * every site the funnel cuts carries a reason in its district's CSV export; and ten of those reasons
 * are checked here against the bundle and the scenario's constraints.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/haversine.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { funnelShortlist, parseScenario, runFunnel, type FunnelResult, type Scenario } from '../../src/app/engine-api.ts';
import { runReport } from '../report/run-cli.ts';
import { downloadText, openWorkbench, type WorkbenchSession } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let session: WorkbenchSession;
let page: Page;
let bundle: LoadedBundle;
let scenario: Scenario;
let funnel: FunnelResult;
/** Every compared site's row of its district's CSV export, by id. */
const rows = new Map<string, Record<string, string>>();

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  funnel = await runFunnel(bundle, scenario, { database: testDb() });
  session = await openWorkbench({ acceptDownloads: true });
  page = session.page;
}, 180_000);

afterAll(() => session?.close());

describe('shortlist and reasons (sample city, built site)', () => {
  it("lists the same sites, in the same order, as siteselect report's kept list", async () => {
    const report = await runReport(['--bundle', 'data/sample', '--scenario', 'data/sample/scenario.json', '--out', '/dev/null', '--json', '--threads', '1']);
    expect(report.code).toBe(0);
    const reported = (JSON.parse(report.stdout) as { shortlist: { id: string }[] }).shortlist.map((e) => e.id);
    expect(reported).toHaveLength(scenario.funnel.sites.topK ?? 0);
    await page.click('#tab-shortlist');
    const shown = await page.$$eval('.shortlist .shortlist-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id ?? ''));
    expect(shown).toEqual(reported);
    await page.click('#tab-ranking');
  }, 120_000);

  it('shows every name, district and region in full at 1440×900 and 1280×720 (nothing cut short)', async () => {
    const expected = funnelShortlist(funnel).map((e) => [e.name, `${e.district} · ${e.region}`]);
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(viewport);
      await page.click('#tab-shortlist');
      const cells = await page.$$eval('.shortlist .shortlist-table tbody tr', (trs) =>
        trs.map((tr) => {
          const text = (sel: string): string => tr.querySelector(sel)?.textContent ?? '';
          // A cell whose content is wider than the cell is cut (ellipsis or clipped).
          const cut = [...tr.querySelectorAll('td, td span')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent);
          return { name: text('.sl-site'), where: text('.sl-where'), cut };
        }),
      );
      expect(cells.map((c) => [c.name, c.where])).toEqual(expected);
      expect(cells.flatMap((c) => c.cut)).toEqual([]);
      const table = await page.$eval('.shortlist-table', (t) => [t.scrollWidth, t.parentElement?.clientWidth ?? 0]);
      expect(table[0]).toBeLessThanOrEqual(table[1]);
      await page.click('#tab-ranking');
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  it('gives every site that is not kept a reason in the CSV export of its district', async () => {
    const districts = funnel.districts.ids.map((_, d) => d).filter((d) => funnel.districts.kept[d] === 1);
    for (const d of districts) {
      await page.evaluate(([region, district]) => (window as unknown as { workbench: { go(p: object): void } }).workbench.go({ region, district }), [funnel.districts.parent[d], d]);
      const { bytes } = await downloadText(page, () => page.click('#export-csv'));
      const csv = parseCsv(bytes.toString('utf8'), ',');
      for (let r = 0; r < csv.rowCount; r++) rows.set(csv.columns[0 + csv.header.indexOf('id')][r], Object.fromEntries(csv.header.map((h, c) => [h, csv.columns[c][r]])));
    }
    expect(rows.size).toBe(funnel.sites.ids.length);
    const cut = [...rows.values()].filter((r) => r.kept === 'no');
    expect(cut.length).toBe(funnel.sites.ids.length - 20);
    expect(cut.filter((r) => r.reason.trim() === '')).toEqual([]);
    expect([...rows.values()].filter((r) => r.kept === 'yes' && r.reason !== '')).toEqual([]);
  }, 180_000);

  it('states ten reasons that hold against the constraint values', () => {
    const c = scenario.constraints;
    const kept = [...rows.values()].filter((r) => r.kept === 'yes');
    const network = bundle.network!;
    const candidates = bundle.candidates!;
    const candidate = new Map(candidates.ids.map((id, i) => [id, i]));
    const checked: string[] = [];
    const take = (pattern: RegExp, n: number, check: (m: RegExpMatchArray, row: Record<string, string>) => void): void => {
      const matches = [...rows.values()].map((row) => [row.reason.match(pattern), row] as const).filter(([m]) => m !== null).slice(0, n);
      expect(matches.length).toBe(n);
      for (const [m, row] of matches) {
        check(m!, row);
        checked.push(row.id);
      }
    };
    // "177 m from own outlet Sample Bank branch 3 (minimum 300 m)": the nearest own outlet, that far.
    take(/^(\d+) m from own outlet (.+) \(minimum (\d+) m\)$/, 3, (m, row) => {
      const i = candidate.get(row.id)!;
      const d = network.ids.map((_, j) => haversine(network.lon[j], network.lat[j], candidates.lon[i], candidates.lat[i]));
      const nearest = d.indexOf(Math.min(...d));
      expect(network.text.name[nearest]).toBe(m[2]);
      expect(Math.round(d[nearest])).toBe(Number(m[1]));
      expect(Number(m[3])).toBe(c.minDistanceToOwn);
      expect(d[nearest]).toBeLessThan(c.minDistanceToOwn!);
    });
    // "within 800 m of kept site C0212 (412 m)": a kept site ranked better, that close.
    take(/^within (\d+) m of kept site (\S+) \((\d+) m\)$/, 3, (m, row) => {
      expect(Number(m[1])).toBe(c.minSpacing);
      const other = rows.get(m[2])!;
      expect(other.kept).toBe('yes');
      expect(Number(other.rank)).toBeLessThan(Number(row.rank));
      const [a, b] = [candidate.get(row.id)!, candidate.get(m[2])!];
      const d = haversine(candidates.lon[a], candidates.lat[a], candidates.lon[b], candidates.lat[b]);
      expect(Math.round(d)).toBe(Number(m[3]));
      expect(d).toBeLessThan(c.minSpacing!);
    });
    // "rent 103 590 above the maximum 60 000"
    take(/^rent ([\d ]+(?:\.\d+)?) above the maximum ([\d ]+)$/, 2, (m, row) => {
      const rent = candidates.numeric.rent[candidate.get(row.id)!];
      expect(Number(m[1].replace(/ /g, ''))).toBeCloseTo(rent, 2);
      expect(Number(m[2].replace(/ /g, ''))).toBe(c.maxAttribute!.rent);
      expect(rent).toBeGreaterThan(c.maxAttribute!.rent);
    });
    // "region cap of 8 reached (Eastfield)": that many kept in the region, all ranked better.
    take(/^region cap of (\d+) reached \((.+)\)$/, 1, (m, row) => {
      expect(Number(m[1])).toBe(c.topNPerRegion);
      const inRegion = kept.filter((k) => k.region === m[2]);
      expect(row.region).toBe(m[2]);
      expect(inRegion).toHaveLength(c.topNPerRegion!);
      for (const k of inRegion) expect(Number(k.rank)).toBeLessThan(Number(row.rank));
    });
    // "cut: rank 301 of 555, top 20 kept": the top K were kept before its turn.
    take(/^cut: rank (\d+) of (\d+), top (\d+) kept$/, 1, (m, row) => {
      expect(Number(m[1])).toBe(Number(row.rank));
      expect(Number(m[2])).toBe(funnel.sites.ids.length);
      expect(Number(m[3])).toBe(scenario.funnel.sites.topK);
      expect(kept).toHaveLength(scenario.funnel.sites.topK!);
      for (const k of kept) expect(Number(k.rank)).toBeLessThan(Number(row.rank));
    });
    expect(new Set(checked).size).toBe(10);
  });
});
