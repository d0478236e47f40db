/**
 * The sample city's first scored map in headless Chromium (built workbench, static server, fresh
 * context each load): `first-map`, `funnel-ready` and `first-scored-map` marks after navigation, and — when the page
 * reports it — when the worker's DuckDB-WASM holds the bundle's tables (`duckdb-tables`, in the
 * worker's own clock, from its start) and when its DuckDB-WASM has booted (`duckdbReady`, page clock:
 * every run scores in it, so the first scored map waits for it). For before/after comparisons of the page's start.
 * Usage: npm run bench:first-map [-- --loads 5]
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.ts';
import { buildSite } from '../test/app/build-site.ts';
import { serveStatic } from '../test/app/static-server.ts';

const i = process.argv.indexOf('--loads');
const LOADS = i >= 0 ? Number(process.argv[i + 1]) : 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

async function main(): Promise<void> {
  const dir = await buildSite();
  const { server, url } = await serveStatic(dir);
  const browser = await launchBrowser();
  const rows: { firstMap: number; funnelReady: number; firstScoredMap: number; duckdbReady?: number }[] = [];
  try {
    for (let k = 0; k < LOADS; k++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready]', { timeout: 180_000 });
      // The scored map is painted on the frame after the funnel is ready.
      await page.waitForFunction(() => performance.getEntriesByName('first-scored-map').length > 0);
      const m = await marks(page);
      rows.push({ firstMap: m['first-map'], funnelReady: m['funnel-ready'], firstScoredMap: m['first-scored-map'], duckdbReady: m['engine:duckdb-ready'] });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  }
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(JSON.stringify({ loads: LOADS, firstMapMedianMs: Math.round(median(rows.map((r) => r.firstMap))), funnelReadyMedianMs: Math.round(median(rows.map((r) => r.funnelReady))), firstScoredMapMedianMs: Math.round(median(rows.map((r) => r.firstScoredMap))), duckdbReadyMedianMs: Math.round(median(rows.map((r) => r.duckdbReady ?? NaN))), rows, loadavg: load }));
}

await main();
