/**
 * The page keeps a roads file's street graph in IndexedDB (src/app/worker/graph-cache.ts): the
 * built workbench scores the sample city with demand within 10 minutes' walk, which builds the walk
 * graph once; after a reload the same run reads it back instead of building it, and gives the same
 * values — those runFunnel() gives in Node.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runFunnel } from '../../src/app/engine-api.ts';
import { loadBundleDir } from '../../src/node.ts';
import { READY_TIMEOUT, serveWorkbench, type WorkbenchHost } from './page-helpers.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = new URL('../../data/sample/', import.meta.url).pathname;
const WALK_10_MIN = { radius: 10, travel: { metric: 'network', profile: 'walk', unit: 'minutes' } };

let host: WorkbenchHost;
let expected: number[];

beforeAll(async () => {
  const bundle = await loadBundleDir(sampleDir);
  const json = JSON.parse(readFileSync(`${sampleDir}scenario.json`, 'utf8')) as { criteria: { id: string }[] };
  json.criteria = json.criteria.map((c) => (c.id === 'demand' ? { ...c, ...WALK_10_MIN } : c));
  const funnel = await runFunnel(bundle, parseScenario(json), { database: testDb() });
  expected = Array.from(funnel.sites.criteria.find((c) => c.name === 'demand')!.raw);
  host = await serveWorkbench();
}, 180_000);

afterAll(() => host?.close());

/** The page's own scenario with demand counted within 10 minutes' walk, run in its engine worker: the sites' demand. */
function runWalkingDemand(page: Page): Promise<number[]> {
  return page.evaluate(async (change) => {
    interface Level { criteria: { name: string; raw: Float64Array }[] }
    const bench = (window as unknown as { workbench: { state: { scenario: { criteria: { id: string }[] } }; engine: { call(r: unknown): Promise<{ funnel: { sites: Level } }> } } }).workbench;
    const scenario = { ...bench.state.scenario, criteria: bench.state.scenario.criteria.map((c) => (c.id === 'demand' ? { ...c, ...change } : c)) };
    const reply = await bench.engine.call({ type: 'run', scenario });
    return Array.from(reply.funnel.sites.criteria.find((c) => c.name === 'demand')!.raw);
  }, WALK_10_MIN);
}

describe('the page’s street-graph cache', () => {
  it('builds the walk graph on the first load and reads it from IndexedDB after a reload', async () => {
    const said: string[] = [];
    const { page, requests } = await host.open({ beforeGoto: (p) => p.on('worker', (worker) => worker.on('console', (m) => said.push(m.text()))) });
    const first = await runWalkingDemand(page);
    expect(said.filter((s) => s.startsWith('street graph'))).toEqual([expect.stringMatching(/^street graph \(walk\) of roads\.geojson: built and cached in \d+ ms$/)]);

    said.length = 0;
    await page.reload();
    await page.waitForSelector('body[data-ready]', { timeout: READY_TIMEOUT });
    const second = await runWalkingDemand(page);
    expect(said.filter((s) => s.startsWith('street graph'))).toEqual([expect.stringMatching(/^street graph \(walk\) of roads\.geojson: read from the browser cache in \d+ ms$/)]);

    expect(second).toEqual(first);
    expect(first.length).toBe(expected.length);
    first.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, expected[i])));
    expect(first.some((v) => v > 0)).toBe(true);
    const origin = new URL(host.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
