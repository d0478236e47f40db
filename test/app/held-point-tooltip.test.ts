/**
 * A candidate file large enough to be held in DuckDB (a Parquet of 8 MB and more) keeps only its
 * positions in the page; the map's tooltip over one of its points names it by its id and name, looked
 * up in the worker on hover (it said "#n" before). Built site, Chromium.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { quoteString } from '../../src/db/sql.ts';
import { DUCKDB_PARQUET_MIN_BYTES } from '../../src/app/worker/parquet-into-duckdb.ts';
import { openWorkbench, replaceCandidates, type WorkbenchSession } from './page-helpers.ts';

/** A grid of sites in the sample city, 300 to a row 0.0004° apart; names made unique and incompressible by md5. */
const ROWS = 70_000;
const [LON0, LAT0, STEP] = [113.98, 22.57, 0.0004];
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const nameOf = (i: number): string => `Site ${i} ${md5(String(i))}${md5(String(i + 1))}${md5(String(i + 2))}`;

let session: WorkbenchSession;
let page: Page;
let parquet: Buffer;
const temp = mkdtempSync(join(tmpdir(), 'held-tooltip-'));

beforeAll(async () => {
  const file = join(temp, 'many-sites.parquet');
  const native = await openNativeDatabase();
  await native.run(`COPY (SELECT 'S' || i AS id, ${LON0} + (i % 300) * ${STEP} AS lon, ${LAT0} + (i // 300) * ${STEP} AS lat, 10000 + i AS rent,
    'Site ' || i || ' ' || md5(i::VARCHAR) || md5((i + 1)::VARCHAR) || md5((i + 2)::VARCHAR) AS name
    FROM range(${ROWS}) t(i)) TO ${quoteString(file)} (FORMAT parquet, COMPRESSION uncompressed)`);
  await native.close();
  expect(statSync(file).size).toBeGreaterThanOrEqual(DUCKDB_PARQUET_MIN_BYTES);
  parquet = readFileSync(file);
  session = await openWorkbench();
  page = session.page;
}, 240_000);

afterAll(async () => {
  await session?.close();
  rmSync(temp, { recursive: true, force: true });
});

type Bench = { workbench: { mapView: { project(lon: number, lat: number): [number, number] | null } } };

/** Moves the pointer to page position x, y and waits for the map's tooltip to name what is there (not '…'). */
async function tipAt(x: number, y: number): Promise<string> {
  await page.mouse.move(x, y);
  await page.waitForFunction(() => {
    const tip = document.querySelector<HTMLElement>('#map .map-tip');
    return tip !== null && !tip.hidden && !tip.textContent?.endsWith('…');
  });
  return (await page.textContent('#map .map-tip')) ?? '';
}

/** Site `i`'s position on the page. */
async function siteAt(i: number): Promise<[number, number]> {
  const [lon, lat] = [LON0 + (i % 300) * STEP, LAT0 + Math.floor(i / 300) * STEP];
  const xy = await page.evaluate(([x, y]) => (window as unknown as Bench).workbench.mapView.project(x, y), [lon, lat]);
  const box = (await page.locator('#map svg').first().boundingBox())!;
  return [box.x + xy![0], box.y + xy![1]];
}

describe('the map tooltip over candidates held in DuckDB', () => {
  it('names the point by its id and name from the worker', async () => {
    const card = await replaceCandidates(page, { name: 'many-sites.parquet', mimeType: 'application/vnd.apache.parquet', buffer: parquet }, 200_000);
    expect(await card.locator('.layer-report .notes').textContent()).toContain('not copied into the page');
    // the first point of the layer is always drawn (every k-th point in view, from the first)
    expect(await tipAt(...(await siteAt(0)))).toBe(`Candidates: S0 · ${nameOf(0)}`);
    // another drawn point, in 中文: whichever it is, its id and its name agree with the file
    await page.selectOption('#lang-select', 'zh');
    const dot = (await page.locator('#map g.overlay-candidates > *').nth(1).boundingBox())!;
    const tip = await tipAt(dot.x + dot.width / 2, dot.y + dot.height / 2);
    const i = Number(/^候选地点: S(\d+) · /.exec(tip)?.[1]);
    expect(i).toBeGreaterThan(0);
    expect(tip).toBe(`候选地点: S${i} · ${nameOf(i)}`);
    await page.selectOption('#lang-select', 'en');
  }, 300_000);
});
