/**
 * The built workbench's engine worker runs the distance kernel on a pool of threads when the host
 * sends the cross-origin isolation headers (and on its own thread when it does not), and the
 * funnel it computes either way is the one runFunnel() computes in Node on the sample city.
 * Pool and single thread agree bit for bit (each query's sum is made by one thread, in the same
 * order); Chromium and Node agree to ~1e-12 relative (measured 1.5e-12 on net gain), hence 1e-9.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runFunnel, type FunnelResult, type LevelResult } from '../../src/app/engine-api.ts';
import { loadBundleDir } from '../../src/node.ts';
import { launchBrowser, recordRequests } from '../helpers/browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic } from './static-server.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;

/** A level as plain arrays: what crosses from the page to the test, and what is compared. */
interface PlainLevel {
  ids: string[];
  score: number[];
  rank: number[];
  kept: number[];
  raw: Record<string, number[]>;
}

function plain(level: LevelResult): PlainLevel {
  return {
    ids: level.ids,
    score: Array.from(level.score),
    rank: Array.from(level.rank),
    kept: Array.from(level.kept),
    raw: Object.fromEntries(level.criteria.map((c) => [c.name, Array.from(c.raw)])),
  };
}

const plainFunnel = (f: FunnelResult) => ({ regions: plain(f.regions), districts: plain(f.districts), sites: plain(f.sites) });

type PlainFunnel = ReturnType<typeof plainFunnel>;

/** Same units, ranks and kept flags; every score and raw value within 1e-9 relative. */
function expectClose(got: PlainFunnel, want: PlainFunnel): void {
  const close = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 1e-9 * Math.max(Math.abs(b[i]), 1e-9));
  for (const level of ['regions', 'districts', 'sites'] as const) {
    const [g, w] = [got[level], want[level]];
    expect({ ids: g.ids, rank: g.rank, kept: g.kept }).toEqual({ ids: w.ids, rank: w.rank, kept: w.kept });
    expect(close(g.score, w.score), `${level} scores`).toBe(true);
    expect(Object.keys(g.raw)).toEqual(Object.keys(w.raw));
    for (const name of Object.keys(w.raw)) expect(close(g.raw[name], w.raw[name]), `${level} ${name}`).toBe(true);
  }
}

let dir: string;
let poolFunnel: PlainFunnel | undefined;
let expected: PlainFunnel;
let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  const [built, bundle] = await Promise.all([buildSite(), loadBundleDir(sampleDir)]);
  dir = built;
  const scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')));
  expected = plainFunnel(await runFunnel(bundle, scenario, { database: testDb() }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

/** Opens the built page on a server with or without isolation; returns it once the first funnel is shown. */
async function openPage(isolated: boolean): Promise<{ page: Page; requests: string[]; origin: string }> {
  const { server, url } = await serveStatic(dir, { isolated });
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const requests = recordRequests(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 90_000 });
  return { page, requests, origin: new URL(url).origin };
}

/** The engine worker's funnel for the page's own scenario, run again through the page's engine client. */
async function engineFunnel(page: Page): Promise<PlainFunnel> {
  return page.evaluate(async () => {
    interface Level { ids: string[]; score: Float64Array; rank: Int32Array; kept: Uint8Array; criteria: { name: string; raw: Float64Array }[] }
    const bench = (window as unknown as { workbench: { state: { scenario: unknown }; engine: { call(r: unknown): Promise<{ funnel: Record<string, Level> }> } } }).workbench;
    const reply = await bench.engine.call({ type: 'run', scenario: bench.state.scenario });
    const flat = (l: Level) => ({
      ids: l.ids, score: Array.from(l.score), rank: Array.from(l.rank), kept: Array.from(l.kept),
      raw: Object.fromEntries(l.criteria.map((c) => [c.name, Array.from(c.raw)])),
    });
    return { regions: flat(reply.funnel.regions), districts: flat(reply.funnel.districts), sites: flat(reply.funnel.sites) };
  });
}

describe('the engine worker’s distance kernel (built site)', () => {
  it('runs on a pool of threads on an isolated page, with the funnel runFunnel() gives in Node', async () => {
    const { page, requests, origin } = await openPage(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(cores).toBeGreaterThan(1); // this machine has 2 cores; with one, the pool is not used
    // createBrowserKernel starts min(cores, 8) workers and the engine reports them once all are up.
    expect(await page.getAttribute('body', 'data-kernel')).toBe('pool');
    expect(await page.getAttribute('body', 'data-kernel-threads')).toBe(String(Math.min(cores, 8)));
    expect(await page.getAttribute('body', 'data-kernel-simd')).toBe('true'); // WebAssembly SIMD under the page's CSP
    // The pool's workers are nested in the engine worker: one per thread runs the kernel worker's script.
    const kernelWorkers = page.workers().filter((w) => /browser-worker[^/]*\.js$/.test(w.url()));
    expect(kernelWorkers.length).toBe(Math.min(cores, 8));
    poolFunnel = await engineFunnel(page);
    expectClose(poolFunnel, expected);
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('falls back to one thread without the isolation headers, with the pool’s funnel bit for bit', async () => {
    const { page, requests, origin } = await openPage(false);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await page.getAttribute('body', 'data-kernel')).toBe('single');
    expect(await page.getAttribute('body', 'data-kernel-threads')).toBe('1');
    expect(await page.getAttribute('body', 'data-kernel-simd')).toBe('true');
    expect(page.workers().filter((w) => /browser-worker[^/]*\.js$/.test(w.url()))).toEqual([]);
    const singleFunnel = await engineFunnel(page);
    expectClose(singleFunnel, expected);
    // What the page computed before the pool was wired in is exactly what it computes now.
    expect(poolFunnel).toEqual(singleFunnel);
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
