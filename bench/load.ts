/**
 * Load benchmark (`npm run bench:db-load`): a 1 M-row demand CSV (../shared/bench/gen.mjs --size medium,
 * seeded, written to /tmp) loaded in Node (DuckDB-WASM) and in Chromium (DuckDB-WASM in a worker),
 * and in Node with native DuckDB, rows per second for each step; then 1 M points × 1 000 polygons
 * containment.
 * Options: --size small|medium (default medium), --skip-browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openNodeDatabase } from '../src/node/duckdb.ts';
import { openNativeDatabase } from '../src/node/duckdb-native.ts';
import { launchBrowser, startRootServer } from '../test/helpers/browser.ts';
import { containmentBench } from './load-containment.ts';
import { timeLoad, type LoadTimings } from './load-steps.ts';

const { values: args } = parseArgs({ options: { size: { type: 'string', default: 'medium' }, 'skip-browser': { type: 'boolean', default: false } } });
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dir = `/tmp/siteselect-bench-load-${args.size}`;
const csvPath = `${dir}/demand.csv`;
if (!existsSync(csvPath)) {
  execFileSync(process.execPath, [`${repoRoot}../shared/bench/gen.mjs`, '--size', String(args.size), '--out', dir], { stdio: 'inherit' });
}
const bytes = new Uint8Array(readFileSync(csvPath));
// Wall times on a shared machine include waiting for a core; the load average says how busy it was.
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);

const perSecond = (rows: number, ms: number): string => `${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s`;
function report(where: string, r: LoadTimings & { dbOpenMs?: number }): void {
  console.log(`${where}: ${r.rows.toLocaleString('en')} rows, ${r.megabytes.toFixed(1)} MB` + (r.dbOpenMs === undefined ? '' : `, DuckDB open + first query ${Math.round(r.dbOpenMs)} ms`));
  const cpu = (ms: number | undefined): string => (ms === undefined ? '' : `   [cpu ${Math.round(ms)} ms, ${perSecond(r.rows, ms)}]`);
  console.log(`  loader (decode, parse, validate, type): ${Math.round(r.parseMs)} ms  ${perSecond(r.rows, r.parseMs)}${cpu(r.cpu?.parseMs)}`);
  console.log(`  insertLayer into DuckDB:               ${Math.round(r.insertMs)} ms  ${perSecond(r.rows, r.insertMs)}${cpu(r.cpu?.insertMs)}`);
  console.log(`  loader + insert:                       ${Math.round(r.parseMs + r.insertMs)} ms  ${perSecond(r.rows, r.parseMs + r.insertMs)}${cpu(r.cpu && r.cpu.parseMs + r.cpu.insertMs)}`);
  console.log(`  DuckDB read_csv alone (no checks):     ${Math.round(r.duckdbCsvMs)} ms  ${perSecond(r.rows, r.duckdbCsvMs)}${cpu(r.cpu?.duckdbCsvMs)}`);
  console.log(`  SUM(population) layer ${r.sumLayer} vs read_csv ${r.sumCsv}${r.sumLayer === r.sumCsv ? '' : '  MISMATCH'}`);
}

let t = performance.now();
const db = await openNodeDatabase();
await db.query('SELECT 1');
const nodeOpenMs = performance.now() - t;
const cpuClock = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
report('Node (DuckDB-WASM)', { ...(await timeLoad(bytes, db, cpuClock)), dbOpenMs: nodeOpenMs });
await db.close();

t = performance.now();
const native = await openNativeDatabase();
await native.query('SELECT 1');
report('Node (native DuckDB, @duckdb/node-api)', { ...(await timeLoad(bytes, native, cpuClock)), dbOpenMs: performance.now() - t });
await native.close();

if (!args['skip-browser']) {
  const { server, url } = await startRootServer(repoRoot);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route('**/bench-data/demand.csv', (route) => route.fulfill({ body: Buffer.from(bytes), contentType: 'text/csv' }));
    t = performance.now();
    await page.goto(`${url}test/browser-pages/load-bench.html`);
    await page.waitForFunction(() => 'loadBench' in globalThis, undefined, { timeout: 600_000, polling: 500 });
    const result = (await page.evaluate(() => (globalThis as Record<string, unknown>).loadBench)) as (LoadTimings & { dbOpenMs: number; fetchMs: number }) | { error: string };
    if ('error' in result) console.log(`Chromium: failed: ${result.error}`);
    else report('Chromium (DuckDB-WASM in a worker)', result);
  } finally {
    await browser.close();
    await server.close();
  }
}

const cpuBefore = cpuClock();
const c = containmentBench(1_000_000, 1_000);
const cpuSeconds = (cpuClock() - cpuBefore) / 1000; // includes generating the points and polygons
console.log(`containment: 1,000,000 points × 1,000 polygons (48 vertices) in ${c.seconds.toFixed(2)} s, ${Math.round(c.pointsPerSecond).toLocaleString('en')} points/s, ${c.matched} inside [cpu incl. generation ${cpuSeconds.toFixed(2)} s]`);
console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
