/**
 * The same SQL suite in Chromium (DuckDB-WASM in a Web Worker, assets from the page's origin) and in
 * Node: identical rows, all equal to the hand-worked expectations, and no request off the origin.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/node/duckdb.ts';
import { launchBrowser, recordRequests, startRootServer } from '../helpers/browser.ts';
import { SQL_CASES, runSqlSuite, type SqlOutcome } from './sql-suite.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  ({ server, url } = await startRootServer(repoRoot));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('SQL suite: Chromium vs Node', () => {
  it('gives identical, expected rows in both, fetching nothing from another origin', async () => {
    const page = await browser.newPage();
    const requests = recordRequests(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${url}test/browser-pages/db-suite.html`);
    await page.waitForFunction(() => 'dbSuite' in globalThis, undefined, { timeout: 90_000 });
    const result = (await page.evaluate(() => (globalThis as Record<string, unknown>).dbSuite)) as { outcomes?: SqlOutcome[]; error?: string };
    expect(result.error).toBeUndefined();
    expect(pageErrors).toEqual([]);

    const node = await openNodeDatabase();
    const nodeOutcomes = await runSqlSuite(node).finally(() => node.close());
    expect(result.outcomes).toEqual(nodeOutcomes);
    expect(result.outcomes).toEqual(SQL_CASES.map((c) => ({ name: c.name, rows: c.expected })));

    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    // The wasm and the worker came from this origin.
    expect(requests.some((r) => r.endsWith('duckdb-eh.wasm'))).toBe(true);
    expect(requests.some((r) => r.includes('duckdb-browser-eh.worker.js'))).toBe(true);
  });
});
