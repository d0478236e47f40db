/**
 * Real browser for tests: Debian's Chromium driven by playwright-core, and a Vite server on
 * loopback. The flags keep Chromium from reaching for the network (this machine has none).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  // playwright gives each launch its own temporary profile (it refuses --user-data-dir here).
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** Starts the project's Vite dev server (vite.config.ts) on a free loopback port. */
export async function startServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite server has no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Records every request a page makes, so a test can fail on any that leaves the origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/**
 * A plain Vite dev server over `root` (no project config): for small test pages such as
 * test/browser-pages/*.html, which import src/ and node_modules assets from the same origin.
 */
/** Runtime dependencies of the engine that browser pages import (pre-bundled by Vite up front). */
const BROWSER_DEPS = ['@turf/turf', 'zod', 'gcoord', 'fflate', 'hyparquet', 'hyparquet-compressors', 'apache-arrow', 'pbf', 'd3', '@observablehq/plot'];

export async function startRootServer(root: string): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root,
    publicDir: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false },
    // Scan every test page up front, so no dependency is discovered mid-load (which would make Vite
    // re-optimise and invalidate modules a page is still importing).
    // The dependencies the pages use are also named outright: on a fresh clone a dependency found only
    // while a page is loading makes Vite answer that page's modules with 504 "Outdated Optimize Dep".
    optimizeDeps: {
      exclude: ['@duckdb/duckdb-wasm'],
      entries: ['test/**/*.html'],
      include: BROWSER_DEPS,
    },
    logLevel: 'error',
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite server has no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** A browser and a Vite server over `root`, shared by one test file: started before its tests, closed after. */
export class RootSession {
  browser!: Browser;
  server!: ViteDevServer;
  url = '';
}

export function useRootSession(root: string): RootSession {
  const session = new RootSession();
  beforeAll(async () => {
    ({ server: session.server, url: session.url } = await startRootServer(root));
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
