/**
 * The optimiser in Chromium: HiGHS' wasm loads from the page's own origin (the `highs` package's
 * loader, no network), and four models give the same optimum and selection as in Node.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordRequests, useRootSession } from '../helpers/browser.ts';
import { runCases } from './browser/optimize-page.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const session = useRootSession(repoRoot);

describe('optimize: Chromium vs Node', () => {
  it('solves exactly in the browser with the same answers, fetching nothing off-origin', async () => {
    const page = await session.browser.newPage();
    const requests = recordRequests(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${session.url}test/optimize/browser/optimize-page.html`);
    await page.waitForFunction(() => 'optimizeRuns' in globalThis, undefined, { timeout: 90_000 });
    const result = (await page.evaluate(() => (globalThis as Record<string, unknown>).optimizeRuns)) as { runs?: unknown[]; error?: string };
    expect(result.error).toBeUndefined();
    expect(pageErrors).toEqual([]);
    const node = await runCases();
    expect(node.every((r) => r.exact)).toBe(true);
    expect(result.runs).toEqual(node);
    const origin = new URL(session.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    expect(requests.some((r) => r.endsWith('highs.wasm'))).toBe(true);
  });
});
