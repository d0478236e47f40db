/**
 * The live preview in a real browser: saving the notebook re-runs it and the page updates; a
 * notebook that throws shows the error at its cell with the line, and the other cells' output stays.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordRequests } from '../helpers/browser.ts';

const repo = resolve(import.meta.dirname, '..', '..');
mkdirSync(join(repo, 'test-output'), { recursive: true });
const dir = mkdtempSync(join(repo, 'test-output', 'nb-live-'));
const file = join(dir, 'live.ts');

function version(value: number, failInSecond = false): string {
  return [
    "import { display } from '../../src/notebook/index.ts';", //  1
    '// %% First', //                                             2
    `display('first says ${value}');`, //                         3
    '// %% Second', //                                            4
    `const n: number = ${value};`, //                             5
    failInSecond ? "throw new Error('second cell broke');" : 'display(`second says ${n * 10}`);', // 6
    '// %% Third', //                                             7
    "display('third ran');", //                                   8
  ].join('\n');
}

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let requests: string[];
let origin: string;

beforeAll(async () => {
  writeFileSync(file, version(1));
  process.env.SITESELECT_NOTEBOOKS = dir;
  server = await createServer({ configFile: join(repo, 'notebooks.vite.config.ts'), server: { port: 0, strictPort: false }, logLevel: 'error' });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
  page = await browser.newPage();
  requests = recordRequests(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cellText = (i: number) => page.locator(`#cell-${i} .outputs`).innerText();

describe('notebook preview', () => {
  it('runs the notebook when the page opens', async () => {
    await page.goto(`${origin}/?nb=${basename(file)}`);
    await page.locator('#cell-3 .outputs', { hasText: 'third ran' }).waitFor({ timeout: 90_000 });
    expect(await cellText(1)).toBe('first says 1');
    expect(await cellText(2)).toBe('second says 10');
  });

  it('re-runs on save and shows the new output', async () => {
    writeFileSync(file, version(2));
    await page.locator('#cell-2 .outputs', { hasText: 'second says 20' }).waitFor({ timeout: 30_000 });
    expect(await cellText(1)).toBe('first says 2');
  });

  it('shows an error at the failing cell with its line; the first cell has its new output, the third keeps its last', async () => {
    writeFileSync(file, version(3, true));
    const error = page.locator('#cell-2 .out-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-line')).toBe('6');
    expect(await error.innerText()).toContain('Error at line 6');
    expect(await error.innerText()).toContain('second cell broke');
    expect(await page.locator('#cell-2').getAttribute('data-status')).toBe('error');
    expect(await cellText(1)).toBe('first says 3');
    // The third cell did not run this time; its last output stays on the page, marked stale.
    expect(await page.locator('#cell-3').getAttribute('data-status')).toBe('not-run');
    expect(await page.locator('#cell-3 .stale').innerText()).toBe('third ran');
  });

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  });
});
