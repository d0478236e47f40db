/**
 * `npm run bench -- [small|medium|large]`: the kernel benchmark beside the peers of ../shared/bench
 * (PostGIS, GeoPandas, Turf) on the same generated data, in one run of its run-peers.sh; then our
 * ratio to each peer and the check.mjs verdict, for the Node run (bench/kernel.ts) and the browser
 * run (bench/kernel-browser.ts, the pool in headless Chromium: "siteselect (browser)"). REUSE=1 by
 * default (a peer's earlier complete result is kept: PostGIS takes over half an hour on medium);
 * ours are always re-run. PEERS="geopandas" etc. picks the peers, as in run-peers.sh.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const size = process.argv[2] ?? 'small';
if (!['small', 'medium', 'large'].includes(size)) {
  console.error('usage: npm run bench -- small|medium|large');
  process.exit(2);
}
const repo = resolve(import.meta.dirname, '..');
const peerDir = resolve(repo, '..', 'shared', 'bench');
const results = `/tmp/peerbench/${size}/results`;
const OURS = 'siteselect';
/** The same criteria in headless Chromium on the browser pool, as the workbench's engine runs them (bench/kernel-browser.ts). */
const OURS_BROWSER = 'siteselect-browser';

rmSync(join(results, `${OURS}.log`), { force: true });
rmSync(join(results, `${OURS_BROWSER}.log`), { force: true });
const run = spawnSync('bash', [join(peerDir, 'run-peers.sh'), size, `${OURS}=node --import tsx ${join(repo, 'bench', 'kernel.ts')}`,
  `${OURS_BROWSER}=node --import tsx ${join(repo, 'bench', 'kernel-browser.ts')} --kernel pool`], {
  cwd: repo, stdio: 'inherit', env: { ...process.env, REUSE: process.env.REUSE ?? '1' },
});
if (run.status !== 0) process.exit(run.status ?? 1);

/** TOTAL_S and Σ PHASE compute of a peer's log (undefined when it has none). */
function times(peer: string): { total: number; compute: number; cpu?: number } | undefined {
  const log = join(results, `${peer}.log`);
  if (!existsSync(log)) return undefined;
  const text = readFileSync(log, 'utf8');
  const total = /^TOTAL_S (\S+)/m.exec(text);
  if (!total) return undefined;
  const compute = [...text.matchAll(/^PHASE compute (\S+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
  const cpu = /^CPU_S (\S+)/m.exec(text);
  return { total: Number(total[1]), compute, cpu: cpu ? Number(cpu[1]) : undefined };
}

/** Our total and compute, then our ratio to each peer and check.mjs's verdict of our CSV against theirs. */
function report(name: string, label: string): boolean {
  const ours = times(name);
  if (!ours) {
    console.error(`no result from ${name}: see ${join(results, `${name}.log`)}`);
    return false;
  }
  console.log(`\n${label} on ${size}: total ${ours.total.toFixed(2)} s, compute ${ours.compute.toFixed(2)} s${ours.cpu ? `, CPU ${ours.cpu.toFixed(2)} s (all threads)` : ''}`);
  console.log('peer          total_s   ratio(total)  ratio(compute)  check vs that peer');
  for (const peer of ['postgis', 'geopandas', 'turf']) {
    const t = times(peer);
    if (!t) continue;
    const check = spawnSync('node', [join(peerDir, 'check.mjs'), join(results, `${peer}.csv`), join(results, `${name}.csv`), '--data', `/tmp/peerbench/${size}`], { encoding: 'utf8' });
    const verdict = (check.stdout + check.stderr).trim().split('\n').pop() ?? '';
    console.log(`${peer.padEnd(12)} ${t.total.toFixed(1).padStart(8)} ${(t.total / ours.total).toFixed(1).padStart(12)}× ${(t.compute / ours.compute).toFixed(1).padStart(14)}×  ${verdict}`);
  }
  return true;
}

const nodeOk = report(OURS, OURS);
const browserOk = report(OURS_BROWSER, 'siteselect (browser)');
if (!nodeOk || !browserOk) process.exit(1);
