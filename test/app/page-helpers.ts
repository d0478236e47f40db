/** Reading the workbench page the way a planner sees it: table rows, breadcrumb, map marks. */
import type { Browser, Download, Locator, Page } from 'playwright-core';
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

/** Drops `file` on the data panel and loads it in place of the candidates; its card, once its report shows. */
export async function replaceCandidates(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, timeout = 60_000): Promise<Locator> {
  await page.setInputFiles('#data-files', file);
  const card = page.locator(`.file-card[data-file="${file.name}"]`);
  await card.locator('select.layer-select').selectOption('candidates');
  await card.locator('select.role-select').first().waitFor();
  await card.locator('select.mode-select').selectOption('replace');
  await card.locator('button.load-layer').click();
  await card.locator('.layer-report').waitFor({ timeout });
  return card;
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

/** How long a page may take to say body[data-ready]: the machine is shared (load 10–25), so a first load takes far longer than on a quiet one. */
export const READY_TIMEOUT = 120_000;

export interface HostOptions {
  /** 'built' (default): what `vite build` ships, on a plain static server with COOP/COEP; 'dev': Vite's dev server. */
  site?: 'built' | 'dev';
  /** Turns the built site's folder into the folder served (e.g. a copy with a bundle beside it). */
  prepare?: (siteDir: string) => string | Promise<string>;
}

export interface PageOptions {
  /** After the server's root: '?bundle=./dc/', an address with a hash … */
  path?: string;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Called before the page navigates: listeners that must hear the start (a worker's console …). */
  beforeGoto?: (page: Page) => void;
}

export interface OpenedPage {
  page: Page;
  /** Every request the page made, so a test can fail on any that leaves the origin. */
  requests: string[];
}

export interface WorkbenchHost {
  /** The server's root address. */
  url: string;
  browser: Browser;
  /** A new page on the workbench, once it says body[data-ready]. */
  open(options?: PageOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** The one browser-test set-up: the workbench built (or on the dev server), served on loopback, Chromium launched. */
export async function serveWorkbench(options: HostOptions = {}): Promise<WorkbenchHost> {
  const { launchBrowser, recordRequests, startServer } = await import('../helpers/browser.ts');
  let url: string;
  let stop: () => Promise<void>;
  if (options.site === 'dev') {
    const dev = await startServer();
    url = dev.url;
    stop = () => dev.server.close();
  } else {
    const [{ buildSite }, { serveStatic }] = await Promise.all([import('./build-site.ts'), import('./static-server.ts')]);
    const built = await buildSite();
    const served = await serveStatic(options.prepare ? await options.prepare(built) : built);
    url = served.url;
    stop = () => new Promise<void>((resolve) => served.server.close(() => resolve()));
  }
  const browser = await launchBrowser();
  const open = async (o: PageOptions = {}): Promise<OpenedPage> => {
    const page = await browser.newPage({ viewport: o.viewport ?? { width: 1440, height: 900 }, acceptDownloads: o.acceptDownloads ?? false });
    const requests = recordRequests(page);
    o.beforeGoto?.(page);
    await page.goto(`${url}${o.path ?? ''}`);
    await page.waitForSelector('body[data-ready]', { timeout: READY_TIMEOUT });
    return { page, requests };
  };
  return { url, browser, open, close: async () => void (await browser.close(), await stop()) };
}

export type WorkbenchSession = WorkbenchHost & OpenedPage;

/** serveWorkbench and one page opened on it, ready. */
export async function openWorkbench(options: HostOptions & PageOptions = {}): Promise<WorkbenchSession> {
  const host = await serveWorkbench(options);
  return { ...host, ...(await host.open(options)) };
}
