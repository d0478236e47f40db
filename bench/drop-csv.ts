/**
 * A large candidate CSV dropped on the workbench (built site, headless Chromium): the page's frame
 * gaps while it loads (goal: median ≤ 50 ms) and the browser's memory against the file's size
 * (goal: ≤ 2×) — the resident memory of every Chromium process this run started, sampled every
 * 250 ms, peak minus the level before the drop. Files of 32 MB and more are read by DuckDB-WASM from
 * the file (src/app/worker/csv-through-duckdb.ts). Writes bench/out/drop-csv.json.
 * With --run, the first funnel run after the drop too (it reads the layer's ids and attributes back
 * from DuckDB into the worker): its CPU-free wall time and the memory peak over the level before the drop.
 * Usage: npm run bench:drop-csv [-- --rows 5000000] [--run]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launchBrowser } from '../test/helpers/browser.ts';
import { watchFrameGaps } from './frame-gaps.ts';
import { buildSite } from '../test/app/build-site.ts';
import { serveStatic } from '../test/app/static-server.ts';
import { writeCandidates } from './candidates-csv.ts';

const at = process.argv.indexOf('--rows');
const ROWS = at >= 0 ? Number(process.argv[at + 1]) : 5_000_000;
const RUN = process.argv.includes('--run');

/** Peak resident bytes per process of the run, by its Chromium role (--type=renderer, gpu-process …). */
const peakByProcess = new Map<number, { role: string; bytes: number }>();

function roleOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /--type=([\w-]+)/.exec(cmd)?.[1] ?? (cmd.includes('chrom') ? 'browser' : 'other');
  } catch {
    return 'gone';
  }
}

/** Resident bytes of every process descending from this one (the browser and its renderers, GPU, utility). */
function descendantsRss(): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += bytes;
        const seen = peakByProcess.get(pid);
        if (!seen) peakByProcess.set(pid, { role: roleOf(pid), bytes });
        else seen.bytes = Math.max(seen.bytes, bytes);
        break;
      }
    }
  }
  return total;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
};

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'siteselect-drop-'));
  const csv = join(folder, `candidates-${ROWS}.csv`);
  await writeCandidates(csv, ROWS);
  const bytes = statSync(csv).size;
  const dir = await buildSite();
  const { server, url } = await serveStatic(dir);
  const browser = await launchBrowser();
  const results: Record<string, unknown> = { rows: ROWS, fileBytes: bytes };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 300_000 });
    // DuckDB up and holding the sample, so the level before the drop includes it
    await page.waitForSelector('body[data-engine="duckdb-tables"]', { timeout: 300_000 });
    peakByProcess.clear();
    const before = descendantsRss();
    const beforeByProcess = new Map([...peakByProcess].map(([pid, p]) => [pid, p.bytes]));
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, descendantsRss())), 250);
    const stopWatching = await watchFrameGaps(page);
    const start = Date.now();
    await page.setInputFiles('#data-files', csv);
    const card = page.locator(`.file-card[data-file="candidates-${ROWS}.csv"]`);
    await card.locator('select.layer-select').selectOption('candidates');
    await card.locator('select.role-select').first().waitFor({ timeout: 600_000 });
    await card.locator('button.load-layer').click();
    await card.locator('.layer-report').waitFor({ timeout: 1_800_000 });
    const seconds = (Date.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, descendantsRss());
    const gaps = await stopWatching();
    const notes = await card.locator('.layer-report').textContent();
    // the page thread's share: its JS heap and the map's drawn marks
    const pageSide = await page.evaluate(() => ({
      heapMB: Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20),
      svgNodes: document.querySelectorAll('svg *').length,
    }));
    Object.assign(results, {
      loadedRows: await card.locator('.count.loaded dd').textContent(),
      readByDuckDb: /read by DuckDB-WASM/.test(notes ?? ''),
      seconds: +seconds.toFixed(1),
      pageSide,
      longGaps: gaps.map((g, i) => ({ i, g: Math.round(g) })).filter((x) => x.g > 1000),
      frameGapMs: stats(gaps),
      rssBeforeMB: Math.round(before / 2 ** 20),
      rssPeakMB: Math.round(peak / 2 ** 20),
      peakOverFile: +((peak - before) / bytes).toFixed(2),
      // where the growth is: peak minus the level before, per process, in MB
      growthByProcessMB: [...peakByProcess].map(([pid, p]) => ({ pid, role: p.role, mb: Math.round((p.bytes - (beforeByProcess.get(pid) ?? 0)) / 2 ** 20) })).filter((p) => p.mb > 20),
      loadavg: loadavg().map((x) => x.toFixed(1)).join(' '),
    });
    if (RUN) {
      const runStart = Date.now();
      let runPeak = descendantsRss();
      const runSampler = setInterval(() => (runPeak = Math.max(runPeak, descendantsRss())), 250);
      await page.click('#run-funnel');
      await page.waitForFunction(() => /^(Ready ·|Error)/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 1_800_000, polling: 500 });
      clearInterval(runSampler);
      runPeak = Math.max(runPeak, descendantsRss());
      Object.assign(results, {
        firstRun: {
          status: await page.locator('#status').textContent(),
          seconds: +((Date.now() - runStart) / 1000).toFixed(1),
          rssPeakMB: Math.round(runPeak / 2 ** 20),
          peakOverFile: +((runPeak - before) / bytes).toFixed(2),
          loadavg: loadavg().map((x) => x.toFixed(1)).join(' '),
        },
      });
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dirname(dir), { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./out/drop-csv.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results));
}

await main();
