/**
 * The map answers where the planner points (built site, Chromium): 20 random points inside each
 * region and each district polygon (at least 3 px from its border, seeded) select that unit every
 * time; a double-click with a still pointer drills 10 times out of 10; Back and Forward move
 * between the views; the keyboard selects and drills from the map.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir, type LoadedBundle } from '../../src/node.ts';
import { parseScenario, runFunnel, type FunnelResult } from '../../src/app/engine-api.ts';
import { crumbs, openWorkbench, tableCount, type WorkbenchSession } from './page-helpers.ts';
import { mulberry32 as random } from '../../src/sensitivity/random.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
let session: WorkbenchSession;
let page: Page;
let bundle: LoadedBundle;
let funnel: FunnelResult;


function rings(g: Polygon | MultiPolygon): number[][][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
}

/** Pixel distance from p to the nearest edge of the projected rings. */
function edgeDistance(p: [number, number], pixelRings: [number, number][][]): number {
  let best = Infinity;
  for (const ring of pixelRings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [a, b] = [ring[k], ring[k + 1]];
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
    }
  }
  return best;
}

type Bench = { workbench: { go(p: object): void; mapView: { project(lon: number, lat: number): [number, number] | null } } };

/** n seeded points inside the polygon, in the map's SVG pixels, each ≥ 3 px from an edge. */
async function interiorPixels(geometry: Polygon | MultiPolygon, n: number, seed: number): Promise<[number, number][]> {
  const pixelRings = await page.evaluate((rs) => rs.map((ring) => ring.map(([lon, lat]) => (window as unknown as Bench).workbench.mapView.project(lon, lat)!)), rings(geometry));
  const all = rings(geometry).flat();
  const [w, e] = [Math.min(...all.map((c) => c[0])), Math.max(...all.map((c) => c[0]))];
  const [s, nn] = [Math.min(...all.map((c) => c[1])), Math.max(...all.map((c) => c[1]))];
  const rand = random(seed);
  const lonLat: [number, number][] = [];
  for (let tries = 0; lonLat.length < 5 * n && tries < 50_000; tries++) {
    const p: [number, number] = [w + rand() * (e - w), s + rand() * (nn - s)];
    if (booleanPointInPolygon(p, geometry)) lonLat.push(p);
  }
  const pixels = await page.evaluate((ps) => ps.map(([lon, lat]) => (window as unknown as Bench).workbench.mapView.project(lon, lat)!), lonLat);
  return pixels.filter((p) => edgeDistance(p, pixelRings) >= 3).slice(0, n);
}

async function clickAt(p: [number, number], dbl = false): Promise<void> {
  const box = (await page.locator('#map svg').boundingBox())!;
  if (dbl) await page.mouse.dblclick(box.x + p[0], box.y + p[1]);
  else await page.mouse.click(box.x + p[0], box.y + p[1]);
}

const selectedName = (): Promise<string> => page.$eval('.rt-row.selected .rt-name', (n) => n.textContent ?? '').catch(() => '');

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  funnel = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8'))), { database: testDb() });
  session = await openWorkbench();
  page = session.page;
}, 180_000);

afterAll(() => session?.close());

describe('a map that responds (sample city, built site)', () => {
  it('selects the region under the pointer for 20 interior points of each region', async () => {
    const regions = bundle.regions!;
    for (let r = 0; r < regions.ids.length; r++) {
      const points = await interiorPixels(regions.geometries[r] as Polygon | MultiPolygon, 20, 100 + r);
      expect(points).toHaveLength(20);
      const picked: string[] = [];
      for (const p of points) {
        await clickAt(p);
        picked.push(await selectedName());
      }
      expect(picked).toEqual(points.map(() => regions.names[r]));
    }
  }, 240_000);

  it('selects the district under the pointer for 20 interior points of each district of every kept region', async () => {
    const districts = bundle.districts!;
    const regionIndex = funnel.regions.ids.map((_, i) => i).filter((i) => funnel.regions.kept[i] === 1);
    let checked = 0;
    for (const region of regionIndex) {
      await page.evaluate((rg) => (window as unknown as Bench).workbench.go({ region: rg, district: -1 }), region);
      await page.waitForTimeout(100);
      for (let d = 0; d < funnel.districts.ids.length; d++) {
        if (funnel.districts.parent[d] !== region) continue;
        const layerIndex = districts.ids.indexOf(funnel.districts.ids[d]);
        const points = await interiorPixels(districts.geometries[layerIndex] as Polygon | MultiPolygon, 20, 500 + d);
        expect(points).toHaveLength(20);
        const picked: string[] = [];
        for (const p of points) {
          await clickAt(p);
          picked.push(await selectedName());
        }
        expect(picked).toEqual(points.map(() => funnel.districts.names[d]));
        checked++;
      }
    }
    expect(checked).toBe(funnel.districts.ids.length);
  }, 480_000);

  it('drills on a double-click with a still pointer 10 times out of 10; Back returns, Forward goes again', async () => {
    await page.evaluate(() => (window as unknown as Bench).workbench.go({ region: -1, district: -1 }));
    const kept = funnel.regions.ids.map((_, i) => i).filter((i) => funnel.regions.kept[i] === 1);
    for (let k = 0; k < 10; k++) {
      const r = kept[k % kept.length];
      const [p] = await interiorPixels(bundle.regions!.geometries[bundle.regions!.ids.indexOf(funnel.regions.ids[r])] as Polygon | MultiPolygon, 1, 900 + k);
      await clickAt(p, true);
      await page.waitForFunction((name) => [...document.querySelectorAll('#breadcrumb .crumb')].some((c) => c.textContent === name), funnel.regions.names[r], { timeout: 5000 });
      expect(await tableCount(page)).toBe(funnel.districts.parent.filter((x) => x === r).length);
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('#breadcrumb .crumb').length === 1, undefined, { timeout: 5000 });
      expect(await crumbs(page)).toEqual(['All']);
      expect(await tableCount(page)).toBe(funnel.regions.ids.length);
      if (k === 0) {
        await page.goForward();
        await page.waitForFunction((name) => [...document.querySelectorAll('#breadcrumb .crumb')].some((c) => c.textContent === name), funnel.regions.names[r], { timeout: 5000 });
        await page.goBack();
        await page.waitForFunction(() => document.querySelectorAll('#breadcrumb .crumb').length === 1, undefined, { timeout: 5000 });
      }
    }
  }, 120_000);

  it('moves between units with the arrow keys on the map, drills with Enter and goes back up with Escape', async () => {
    await page.focus('#map');
    await page.keyboard.press('ArrowDown');
    const best = funnel.regions.rank.indexOf(1);
    expect(await selectedName()).toBe(funnel.regions.names[best]);
    await page.keyboard.press('ArrowDown');
    expect(await selectedName()).toBe(funnel.regions.names[funnel.regions.rank.indexOf(2)]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => [...document.querySelectorAll('#breadcrumb .crumb')].some((c) => c.textContent === name), funnel.regions.names[best]);
    await page.focus('#map');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('#breadcrumb .crumb').length === 1);
    // Back up, the region drilled from stays selected.
    expect(await selectedName()).toBe(funnel.regions.names[best]);
  }, 60_000);

  it('draws the map again for the window it is in: after a resize the drawing fills the map box and still selects where clicked', async () => {
    const widths = () => page.$eval('#map', (host) => [host.clientWidth, Number(host.querySelector('svg')!.getAttribute('width'))]);
    const [before] = await widths();
    await page.setViewportSize({ width: 1180, height: 820 });
    await page.waitForFunction(() => {
      const host = document.querySelector<HTMLElement>('#map')!;
      return Math.abs(Number(host.querySelector('svg')!.getAttribute('width')) - host.clientWidth) <= 4;
    });
    const [host, drawn] = await widths();
    expect(host).toBeLessThan(before - 100);
    expect(Math.abs(drawn - host)).toBeLessThanOrEqual(4);
    // The projection is the new drawing's: an interior point of the worst region selects it.
    const r = funnel.regions.rank.indexOf(funnel.regions.names.length);
    const [p] = await interiorPixels(bundle.regions!.geometries[bundle.regions!.ids.indexOf(funnel.regions.ids[r])] as Polygon | MultiPolygon, 1, 7);
    await clickAt(p);
    expect(await selectedName()).toBe(funnel.regions.names[r]);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);
});
