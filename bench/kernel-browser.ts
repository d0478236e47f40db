/**
 * The site-scoring kernel benchmark (../shared/bench/KERNEL.md) in headless Chromium, through the
 * criteria calls of bench/kernel.ts (kernel-criteria.ts), in a dedicated worker as the workbench runs them:
 *   npm run bench:kernel-browser -- --in DIR --out FILE [--kernel both|single|pool] [--threads N]
 *   node --import tsx bench/kernel-browser.ts --kernel pool DIR FILE    (the run-peers.sh form)
 * `single`: createKernel() on the worker's own thread (what the page's engine did); `pool`:
 * createBrowserKernel() from that worker (what it does now, on an isolated page). `both` runs single
 * first on a fresh page, prints its lines prefixed `SINGLE_WORKER`, then the pool's as the result.
 *
 * The page (kernel-browser/) is built with Vite and served with COOP/COEP by the tests' static
 * server, the CSVs beside it. Timed in the worker: load = fetch + parse of the three CSVs, compute =
 * kernel creation + the criteria (grid index included), write = formatting the CSV there, plus
 * (timed here) handing it over and writing the file. TOTAL_S = wall time of the three steps seen
 * from here (browser start and page build excluded, printed as SETUP_S). CPU_S = CPU seconds of the
 * Chromium processes (all threads) and this process over those steps, from /proc.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from '../test/app/static-server.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { busyThreads, processTreeCpuSeconds, threadCpuSeconds } from './kernel-browser/process-cpu.ts';
import type { BenchReply, BenchStep } from './kernel-browser/steps.ts';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { in: { type: 'string' }, out: { type: 'string' }, kernel: { type: 'string', default: 'both' }, threads: { type: 'string' } },
});
const dir = opt.in ?? positionals[0];
const outFile = opt.out ?? positionals[1];
type Mode = 'single' | 'pool';
const modes: Mode[] | null = opt.kernel === 'both' ? ['single', 'pool'] : opt.kernel === 'single' || opt.kernel === 'pool' ? [opt.kernel] : null;
if (!dir || !outFile || !modes) {
  console.error('usage: bench/kernel-browser.ts --in DATA_DIR --out RESULTS.csv [--kernel both|single|pool] [--threads N]');
  process.exit(2);
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const cpuNow = () => processTreeCpuSeconds(process.pid);
const loads = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function buildPage(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'siteselect-kernel-browser-')), 'dist');
  await build({
    configFile: false, root: resolve(import.meta.dirname, 'kernel-browser'), base: './', publicDir: false, logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    worker: { format: 'es' },
  });
  // The CSVs are served beside the page, from the origin (linked, not copied: 30 MB on medium).
  mkdirSync(join(outDir, 'data'));
  for (const file of ['demand', 'competitors', 'candidates']) symlinkSync(resolve(dir, `${file}.csv`), join(outDir, 'data', `${file}.csv`));
  return outDir;
}

/** One run on a fresh page; returns the CSV text. `prefix` marks the lines of a run that is not the result. */
async function runMode(browser: Browser, url: string, mode: Mode, prefix: string, write: boolean): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'kernelBench' in window);
  const threads = opt.threads ? Number(opt.threads) : await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
  const step = async (s: BenchStep): Promise<BenchReply> => {
    const reply = await page.evaluate((arg) => (window as unknown as { kernelBench(s: BenchStep): Promise<BenchReply> }).kernelBench(arg), s);
    if (reply.error) throw new Error(`${s.step}: ${reply.error}`);
    return reply;
  };
  const say = (line: string) => console.log(`${prefix}${line}`);
  say(`LOADAVG_START ${loads()}`);
  const start = performance.now();
  const cpu0 = cpuNow();
  const load = await step({ step: 'load', dataUrl: new URL('data/', url).href });
  const cpu1 = cpuNow();
  const threads1 = threadCpuSeconds(process.pid);
  say(`PHASE load ${load.seconds.toFixed(3)}`);
  const compute = await step({ step: 'compute', kernel: mode, threads });
  const cpu2 = cpuNow();
  say(`KERNEL ${compute.info ?? ''}`);
  // Which threads did the compute (Chromium names worker threads DedicatedWorker…): the pool's count.
  say(`COMPUTE_THREADS_CPU ${busyThreads(threads1, threadCpuSeconds(process.pid), 0.5).join(' ')}`);
  say(`PHASE compute ${compute.seconds.toFixed(3)}`);
  const t = performance.now();
  const written = await step({ step: 'write' });
  const csv = written.csv ?? '';
  if (write) writeFileSync(outFile as string, csv);
  say(`PHASE write ${(written.seconds + seconds(t)).toFixed(3)}`);
  const cpu3 = cpuNow();
  say(`CPU_PHASES load ${(cpu1 - cpu0).toFixed(2)} compute ${(cpu2 - cpu1).toFixed(2)} write ${(cpu3 - cpu2).toFixed(2)}`);
  say(`LOADAVG_END ${loads()}`);
  await step({ step: 'close' });
  // CPU seconds of Chromium (every process and thread) and of this driver, over the three steps.
  say(`CPU_S ${(cpu3 - cpu0).toFixed(3)}`);
  say(`TOTAL_S ${seconds(start).toFixed(3)}`);
  await context.close();
  return csv;
}

const setup = performance.now();
const site = await buildPage();
const { server, url } = await serveStatic(site);
const browser = await launchBrowser();
console.log(`SETUP_S ${seconds(setup).toFixed(3)} (page build, server, browser start: not in TOTAL_S)`);
try {
  const csvs: string[] = [];
  for (const [k, mode] of modes.entries()) {
    const last = k === modes.length - 1;
    csvs.push(await runMode(browser, url, mode, last ? '' : 'SINGLE_WORKER ', last));
  }
  if (csvs.length === 2) console.error(`pool results ${csvs[0] === csvs[1] ? 'identical to' : 'DIFFER from'} the single-thread worker's`);
} finally {
  await browser.close();
  server.close();
}
