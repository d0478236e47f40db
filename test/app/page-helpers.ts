/** Reading the workbench page the way a planner sees it: table rows, breadcrumb, map marks. */
import type { Download, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';

/** Names in the ranked table, top to bottom (the rows in view). */
export async function tableNames(page: Page): Promise<string[]> {
  return page.$$eval('.rt-row .rt-name', (cells) => cells.map((c) => c.textContent ?? ''));
}

export async function tableScores(page: Page): Promise<string[]> {
  return page.$$eval('.rt-row .rt-score', (cells) => cells.map((c) => c.textContent ?? ''));
}

export async function tableCount(page: Page): Promise<number> {
  const caption = (await page.textContent('.rt-caption')) ?? '';
  return Number(caption.replace(/[^\d]/g, ''));
}

export async function crumbs(page: Page): Promise<string[]> {
  return page.$$eval('#breadcrumb .crumb', (nodes) => nodes.map((n) => n.textContent ?? ''));
}

/** Waits until the status line says the funnel finished (after `action`). */
export async function afterRun(page: Page, action: () => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    document.body.dataset.runs = '';
    const status = document.getElementById('status');
    if (!status) return;
    new MutationObserver(() => {
      if (/ms$/.test(status.textContent ?? '')) document.body.dataset.runs = 'done';
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await action();
  await page.waitForSelector('body[data-runs="done"]', { timeout: 60_000 });
}

export async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const downloaded: Promise<Download> = page.waitForEvent('download');
  await click();
  const download = await downloaded;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Sets a range input and fires what a drag fires: input events, then change on release. */
export async function moveSlider(page: Page, selector: string, value: number, release = true): Promise<void> {
  await page.$eval(
    selector,
    (node, [v, r]) => {
      const input = node as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (r) input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [value, release] as const,
  );
}

/** The workbench on the Vite dev server in Chromium, ready (body[data-ready]), every request recorded. */
export async function openWorkbench(viewport = { width: 1400, height: 1000 }): Promise<{ url: string; page: Page; requests: string[]; close: () => Promise<void> }> {
  const { launchBrowser, recordRequests, startServer } = await import('../helpers/browser.ts');
  const { server, url } = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  const requests = recordRequests(page);
  await page.goto(url);
  // The machine is shared (load 10–25): the first page load takes far longer than on a quiet one.
  await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  return { url, page, requests, close: async () => void (await browser.close(), await server.close()) };
}
