/**
 * Real browser for tests: Debian's Chromium driven by playwright-core, and a Vite server on
 * loopback. The flags keep Chromium from reaching for the network (this machine has none).
 */
import { existsSync } from 'node:fs';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { pageOptimizeDeps } from '../../src/app/build/browser-deps.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The one sentence a run without Chromium gets (test/helpers/global-setup.ts stops the run with it). */
export const CHROMIUM_MISSING = `The browser tests need Chromium at ${CHROMIUM_PATH}, which is not there: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH to a Chromium binary).`;

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

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
  if (!chromiumInstalled()) throw new Error(CHROMIUM_MISSING);
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
  await server.environments.client.depsOptimizer?.init(); // the fixed list, optimised before any page asks
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

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The test pages' own optimised-dependency cache, apart from the workbench's (node_modules/.vite). */
const PAGES_CACHE = join(repoRoot, 'node_modules', '.vite-pages');

/**
 * Runs `work` while holding a lock folder beside the cache, so test files in parallel processes
 * optimise the dependencies one at a time: the first writes the cache, the others find it ready.
 * A lock older than `staleMs` (a killed run) is taken over.
 */
async function withCacheLock<T>(work: () => Promise<T>, staleMs = 300_000): Promise<T> {
  const lock = `${PAGES_CACHE}.lock`;
  await mkdir(join(repoRoot, 'node_modules'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const since = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (since > staleMs) await rmdir(lock).catch(() => undefined);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

/**
 * A plain Vite dev server over `root` (no project config): for small test pages such as
 * test/browser-pages/*.html, which import src/ and node_modules assets from the same origin.
 * Its dependencies are the fixed list of src/app/build/browser-deps.ts, optimised before the
 * server answers any page, so no page ever meets a re-optimisation (504 "Outdated Optimize Dep").
 */
export async function startRootServer(root: string, options: { headers?: Record<string, string> } = {}): Promise<{ server: ViteDevServer; url: string }> {
  const server = await withCacheLock(async () => {
    const s = await createServer({
      configFile: false,
      root,
      publicDir: false,
      cacheDir: PAGES_CACHE,
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, hmr: false, headers: options.headers },
      optimizeDeps: pageOptimizeDeps(repoRoot),
      worker: { format: 'es' },
      logLevel: 'error',
    });
    await s.environments.client.depsOptimizer?.init();
    return s;
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
