/**
 * `npm run bench -- [small|medium|large]`: the kernel benchmark beside the peers of ../shared/bench
 * (PostGIS, GeoPandas, Turf) on the same generated data, in one run of its run-peers.sh; then our
 * ratio to each peer and the check.mjs verdict. REUSE=1 by default (a peer's earlier complete result
 * is kept: PostGIS takes over half an hour on medium); ours is always re-run. PEERS="geopandas"
 * etc. picks the peers, as in run-peers.sh.
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

rmSync(join(results, `${OURS}.log`), { force: true });
const run = spawnSync('bash', [join(peerDir, 'run-peers.sh'), size, `${OURS}=node --import tsx ${join(repo, 'bench', 'kernel.ts')}`], {
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

const ours = times(OURS);
if (!ours) {
  console.error(`no result from ${OURS}: see ${join(results, `${OURS}.log`)}`);
  process.exit(1);
}
console.log(`\n${OURS} on ${size}: total ${ours.total.toFixed(2)} s, compute ${ours.compute.toFixed(2)} s${ours.cpu ? `, CPU ${ours.cpu.toFixed(2)} s (all threads)` : ''}`);
console.log('peer          total_s   ratio(total)  ratio(compute)  check vs that peer');
for (const peer of ['postgis', 'geopandas', 'turf']) {
  const t = times(peer);
  if (!t) continue;
  const check = spawnSync('node', [join(peerDir, 'check.mjs'), join(results, `${peer}.csv`), join(results, `${OURS}.csv`), '--data', `/tmp/peerbench/${size}`], { encoding: 'utf8' });
  const verdict = (check.stdout + check.stderr).trim().split('\n').pop() ?? '';
  console.log(`${peer.padEnd(12)} ${t.total.toFixed(1).padStart(8)} ${(t.total / ours.total).toFixed(1).padStart(12)}× ${(t.compute / ours.compute).toFixed(1).padStart(14)}×  ${verdict}`);
}
