/**
 * The page's street-graph cache keeps at most its byte limit (Chromium, IndexedDB): with room for
 * two graphs, a third pushes out the least recently used one — read counts as use — and a graph
 * larger than the limit is built every time instead of stored.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useRootSession } from '../helpers/browser.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const session = useRootSession(repoRoot);

interface Suite {
  graphBytes(): Promise<number>;
  load(file: string, limit: number): Promise<{ fromCache: boolean; evicted: string[] }>;
}

describe('the page’s street-graph cache limit', () => {
  it('drops the least recently used graph beyond the limit, and never keeps one larger than it', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}test/network/browser/graph-cache-page.html`);
    await page.waitForFunction(() => 'graphCache' in globalThis, undefined, { timeout: 90_000 });
    const load = (file: string, limit: number) => page.evaluate(([f, l]) => ((globalThis as unknown as { graphCache: Suite }).graphCache.load(f, l)), [file, limit] as const);
    const size = await page.evaluate(() => (globalThis as unknown as { graphCache: Suite }).graphCache.graphBytes());
    expect(size).toBeGreaterThan(1000);
    const room = Math.floor(2.5 * size); // two graphs fit, three do not

    expect(await load('a.geojson', room)).toEqual({ fromCache: false, evicted: [] });
    expect(await load('b.geojson', room)).toEqual({ fromCache: false, evicted: [] });
    expect(await load('a.geojson', room)).toEqual({ fromCache: true, evicted: [] }); // a used after b
    expect(await load('c.geojson', room)).toEqual({ fromCache: false, evicted: ['b.geojson|walk'] });
    expect(await load('a.geojson', room)).toEqual({ fromCache: true, evicted: [] });
    // b is gone: built again, and now c (stored before a was last read) is the oldest.
    expect(await load('b.geojson', room)).toEqual({ fromCache: false, evicted: ['c.geojson|walk'] });
    expect(await load('a.geojson', room)).toEqual({ fromCache: true, evicted: [] });

    // Half a graph of room: built, not stored, so built again.
    expect(await load('d.geojson', size / 2)).toEqual({ fromCache: false, evicted: [] });
    expect(await load('d.geojson', size / 2)).toEqual({ fromCache: false, evicted: [] });
    await page.close();
  }, 120_000);
});
