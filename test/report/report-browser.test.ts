/** The report builder is platform-neutral: the same buildReport runs in Chromium with the page's document. */
import { describe, expect, it } from 'vitest';
import { formatScore } from '../../src/report/format-score.ts';
import { recordRequests, useRootSession } from '../helpers/browser.ts';
import { repoRoot, section, tableRows } from './run-cli.ts';
import { ESCAPED } from './tiny-bundle.ts';

const session = useRootSession(repoRoot);

describe('buildReport in Chromium', () => {
  it('draws the tiny bundle with the page document: maps, tables, escaped names, nothing external', async () => {
    const page = await session.browser.newPage();
    const requests = recordRequests(page);
    await page.goto(`${session.url}test/report/browser/report-page.html`);
    await page.waitForFunction(() => 'reportPage' in globalThis, undefined, { timeout: 60_000 });
    const result = (await page.evaluate(() => (globalThis as Record<string, unknown>).reportPage)) as { html?: string; bestId?: string; bestScore?: number; error?: string };
    expect(result.error).toBeUndefined();
    const html = result.html ?? '';
    for (const id of ['level-regions', 'level-districts', 'level-sites']) expect(section(html, id)).toContain('<svg');
    // One region, two districts (both in the kept region), two candidate sites.
    expect(tableRows(html, 'table-regions')).toHaveLength(1);
    expect(tableRows(html, 'table-districts')).toHaveLength(2);
    const sites = tableRows(html, 'table-sites');
    expect(sites).toHaveLength(2);
    expect(sites[0]).toContain(`<td>${result.bestId}</td>`);
    expect(sites[0]).toContain(`<td class="num">${formatScore(result.bestScore ?? NaN)}</td>`);
    expect(html).toContain(`<td>${ESCAPED}</td>`);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/https?:\/\/|<script|<link/);
    expect(requests.every((r) => r.startsWith(session.url))).toBe(true);
    await page.close();
  }, 90_000);
});
