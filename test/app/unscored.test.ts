/**
 * Every candidate row not scored has its reason (built site, Chromium). An imported candidates file
 * of 8 rows, made from the sample's own sites: 3 in kept districts, 2 in a district the funnel cut,
 * 1 in a region it cut, 1 far outside the city and 1 with a latitude that is not a number. The panel
 * lists the 5 rows not scored (read 8 − scored 3) with the reasons a funnel run in Node gives, in
 * English and in Chinese, and downloads them as CSV. Then a file of bad rows: each reject's reason in
 * 中文 from its code, with the row's id, in the list and in the layer's rejects CSV.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node.ts';
import { formatNotKept, levelReasons, loadLayerFile, parseScenario, runFunnel, type FunnelResult, type LayerEntry } from '../../src/app/engine-api.ts';
import { afterRun, downloadText, openWorkbench, replaceCandidates, type WorkbenchSession } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
const scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
let session: WorkbenchSession;
let page: Page;
/** The sample's run and the run with the imported file as candidates (the reference). */
let sample: FunnelResult;
let imported: FunnelResult;
let sampleRead: number;
let csv: string;
/** A candidates file whose rows 2–8 are each rejected for one reason (row 1 is a sample site). */
let bad: string;
let swappedLat: number;

beforeAll(async () => {
  const bundle = await loadBundleDir(sampleDir);
  sample = await runFunnel(bundle, scenario, { database: testDb() });
  sampleRead = bundle.reports.filter((r) => r.layer === 'candidates').reduce((s, r) => s + r.read, 0);
  const c = bundle.candidates!;
  const u = sample.unreached!;
  const rent = c.numeric.rent;
  const at = (i: number, lat = String(c.lat[i]), lon = String(c.lon[i])): string => [lon, lat, rent[i]].join(',');
  const [k1, k2, k3] = sample.sites.ids.slice(0, 3).map((id) => c.ids.indexOf(id));
  const cutDistrict = [...u.district.keys()].filter((k) => u.district[k] >= 0).slice(0, 2).map((k) => u.index[k]);
  const cutRegion = [...u.district.keys()].filter((k) => u.district[k] < 0).slice(0, 1).map((k) => u.index[k]);
  const rows = [
    `T1,${at(k1)}`,
    `T2,${at(cutDistrict[0])}`,
    `T3,${at(k2)}`,
    `T4,${at(k1, undefined, String(c.lon[k1] + 2))}`, // two degrees east: outside the city
    `T5,${at(cutDistrict[1])}`,
    `T6,${at(k3, 'abc')}`,
    `T7,${at(cutRegion[0])}`,
    `T8,${at(k3)}`,
  ];
  csv = ['id,lon,lat,rent', ...rows].join('\n');
  swappedLat = c.lon[k3];
  bad = [
    'id,lon,lat,rent',
    `B1,${at(k1)}`,
    `B2,${at(k2, undefined, '')}`,
    `B3,${at(k2, undefined, 'abc')}`,
    `B4,${at(k2, undefined, '200.5')}`,
    `B1,${at(k3)}`,
    `,${at(k3)}`,
    `B7,${at(k3, String(c.lon[k3]), String(c.lat[k3]))}`,
    'B8,114',
  ].join('\n');
  const entry: LayerEntry = { layer: 'candidates', file: 'my-sites.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', rent: 'rent' } };
  const loaded = await loadLayerFile('my-sites.csv', new TextEncoder().encode(csv), entry);
  if (loaded.layer.kind !== 'point') throw new Error('candidates load as points');
  imported = await runFunnel({ ...bundle, candidates: loaded.layer }, scenario, { database: testDb() });

  session = await openWorkbench({ acceptDownloads: true });
  page = session.page;
}, 240_000);

afterAll(() => session?.close());

/** Drops `text` as file `name`, loads it in place of the candidates and runs the funnel; its card. */
async function loadCandidates(name: string, text: string): Promise<Locator> {
  const card = await replaceCandidates(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await afterRun(page, () => page.click('#run-funnel'));
  return card;
}

const listed = (p: Page): Promise<string[][]> =>
  p.$$eval('#unscored-panel tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

describe('candidate rows not scored (built site)', () => {
  it('the sample: the count is read − scored', async () => {
    const n = sampleRead - sample.sites.ids.length;
    expect(n).toBeGreaterThan(0);
    expect(await page.getAttribute('#unscored-panel', 'data-count')).toBe(String(n));
    expect(await page.textContent('#unscored-panel summary')).toContain(n.toLocaleString('en-US'));
  });

  it('an imported file: each row not scored listed with its reason, read − scored of them', async () => {
    await loadCandidates('my-sites.csv', csv);

    // By construction: T1, T3, T8 scored; the Node run agrees.
    expect(imported.sites.ids.slice().sort()).toEqual(['T1', 'T3', 'T8']);
    const district = (id: string): string => {
      const k = imported.unreached!.ids.indexOf(id);
      const d = imported.unreached!.district[k];
      return `in district ${imported.districts.names[d]} (${formatNotKept(levelReasons(imported, imported.districts).at(d))})`;
    };
    const region = (id: string): string => {
      const k = imported.unreached!.ids.indexOf(id);
      const g = imported.unreached!.region[k];
      return `in region ${imported.regions.names[g]} (${formatNotKept(levelReasons(imported, imported.regions).at(g))})`;
    };
    const expected = [
      ['2', 'T2', district('T2')],
      ['4', 'T4', 'outside every region'],
      ['5', 'T5', district('T5')],
      ['6', 'T6', 'rejected at load: non-numeric coordinate'],
      ['7', 'T7', region('T7')],
    ];
    // The reasons name the unit and its own cut: a rank against the scenario's top K.
    expect(district('T2')).toMatch(/^in district .+ \(cut: rank \d+ of \d+, top \d+ kept\)$/);
    await page.waitForFunction(() => document.querySelector('#unscored-panel')?.getAttribute('data-count') === '5');
    await page.click('#unscored-panel summary');
    expect(await listed(page)).toEqual(expected);
    expect(await page.textContent('#unscored-panel .unscored-balance')).toBe('8 rows read = 3 scored + 5 not scored.');

    const { name, bytes } = await downloadText(page, () => page.click('#unscored-panel .unscored-download'));
    expect(name).toBe('rows-not-scored.csv');
    const lines = bytes.toString('utf8').trim().split(/\r\n/);
    expect(lines[0]).toBe('row,id,reason,file');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual(expected.map(([row, id]) => [row, id]));
    await page.screenshot({ path: 'test-output/unscored-panel.png' });
  });

  it('in Chinese, every reason in Chinese', async () => {
    await page.selectOption('#lang-select', 'zh');
    const rows = await listed(page);
    expect(rows.map((r) => r[2])).toEqual([
      expect.stringMatching(/^位于地区 .+（落选：排名第 \d+ \/ \d+，保留前 \d+）$/),
      '不在任何地域内',
      expect.stringMatching(/^位于地区 /),
      '载入时被拒：坐标不是数字',
      expect.stringMatching(/^位于地域 .+（落选：/),
    ]);
    await page.selectOption('#lang-select', 'en');
  });

  it('a file of bad rows: each rejected row with its id and its reason in 中文, in the list and the rejects CSV', async () => {
    const card = await loadCandidates('bad-sites.csv', bad);
    await page.selectOption('#lang-select', 'zh');
    await page.waitForFunction(() => document.querySelector('#unscored-panel')?.getAttribute('data-count') === '7');
    const expected = [
      ['2', 'B2', '缺少坐标'],
      ['3', 'B3', '坐标不是数字'],
      ['4', 'B4', '经度 200.5 超出 ±180'],
      ['5', 'B1', '编号重复（首次出现在第 1 行）'],
      ['6', '', '缺少编号'],
      ['7', 'B7', `经纬度疑似颠倒：纬度 ${swappedLat} 超出 ±90，对调后有效`],
      ['8', 'B8', '有 2 个字段，而表头有 4 个'],
    ];
    const rejected = await page.$$eval('#unscored-panel tbody tr[data-kind="rejected"]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rejected).toEqual(expected.map(([row, id, why]) => [row, id, `载入时被拒：${why}`]));

    const { bytes } = await downloadText(page, () => card.locator('.rejects-download').click());
    const lines = bytes.toString('utf8').trim().split(/\r\n/);
    expect(lines[0]).toBe('row,id,column,reason,value');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).concat(l.split(',')[3]))).toEqual(expected);
    await page.screenshot({ path: 'test-output/unscored-rejects-zh.png' });
    await page.selectOption('#lang-select', 'en');
  });
});
