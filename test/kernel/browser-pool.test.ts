/**
 * The browser pool in Chromium (Web Workers + SharedArrayBuffer on a cross-origin isolated page
 * served by Vite) gives exactly the single-thread results.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordRequests, startRootServer } from '../helpers/browser.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
let browser: Browser;
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  // The test pages' server and dependency cache, cross-origin isolated for SharedArrayBuffer.
  ({ server, url } = await startRootServer(repoRoot, { headers: isolation }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('createBrowserKernel in Chromium', () => {
  // Bit-identical results also show the workers ran the same SIMD scans as the page thread.
  it('equals createKernel() on every method, on an isolated page, fetching only from its origin', async () => {
    const page = await browser.newPage();
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}test/browser-pages/kernel/index.html`);
    await page.waitForFunction(() => 'kernelResult' in globalThis, undefined, { timeout: 90_000 });
    const result = (await page.evaluate(() => (globalThis as Record<string, unknown>).kernelResult)) as {
      error?: string; isolated?: boolean; simd?: boolean; counts?: Record<string, number>; uniformTotal?: number; mismatches?: string[];
    };
    expect(result.error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(result.isolated).toBe(true);
    expect(result.simd).toBe(true); // Chromium compiles the SIMD module even on the main thread
    // 300 queries per method; every query has its own boundary points, so the sums are not all 0.
    expect(result.counts).toEqual({ uniform: 300, exponential: 300, nearest: 300, pressure: 4000 + 300 * 6, capture: 300, cannibalisation: 300 });
    expect(result.uniformTotal).toBeGreaterThan(0);
    expect(result.mismatches).toEqual([]);
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    expect(requests.some((r) => r.includes('browser-worker.ts'))).toBe(true);
  });
});
