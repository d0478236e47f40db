/**
 * The loaders are platform neutral: in Chromium, the sample bundle (fetched from the page's own
 * origin) and a GBK-encoded GCJ-02 CSV load to exactly what Node loads, with no request elsewhere.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordRequests, useRootSession } from '../helpers/browser.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { summarise, type BundleSummary } from './browser/summary.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const session = useRootSession(repoRoot);

describe('loading in Chromium', () => {
  it('gives the same bundle and the same GBK points as Node', async () => {
    const page = await session.browser.newPage();
    const requests = recordRequests(page);
    await page.goto(`${session.url}test/io/browser/load-page.html`);
    await page.waitForFunction(() => 'ioSuite' in globalThis, undefined, { timeout: 90_000 });
    const got = (await page.evaluate(() => (globalThis as Record<string, unknown>).ioSuite)) as {
      error?: string;
      bundle: BundleSummary;
      gbk: { ids: string[]; lon: number[]; names: string[]; report: { read: number; loaded: number; notes: string[] } };
    };
    expect(got.error).toBeUndefined();

    const node = summarise(await loadBundleDir(`${repoRoot}data/sample`));
    expect(got.bundle).toEqual(node);
    // The sample holds 20 deliberate address misses among its 2 000 candidates.
    expect(got.bundle.reports.find((r) => r.layer === 'candidates')).toMatchObject({ read: 2000, rejected: 20, firstReject: 'address not found in the gazetteer' });

    const bytes = new Uint8Array(readFileSync(`${repoRoot}test/io/fixtures/gcj02-gbk.csv`));
    const nodeGbk = await loadLayerFile('gcj02-gbk.csv', bytes, { layer: 'pois', file: 'gcj02-gbk.csv', crs: 'gcj02' });
    expect(got.gbk.ids).toEqual(['1', '2', '3']);
    expect(got.gbk.names).toEqual(['天安门', '王府井', '西单, 北口']);
    expect(got.gbk.report.notes).toContain('read as gb18030');
    expect(got.gbk.lon).toEqual(nodeGbk.layer.kind === 'point' ? Array.from(nodeGbk.layer.lon) : null);

    const origin = new URL(session.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin))).toEqual([]);
  }, 120_000);
});
