/**
 * The site-scoring kernel benchmark (../shared/bench/KERNEL.md) through the engine's own criteria:
 *   npm run bench:kernel -- --in DIR --out FILE [--kernel single|node] [--threads N]
 *   node --import tsx bench/kernel.ts DIR FILE            (the peer form run-peers.sh uses)
 * Prints PHASE load|compute|write seconds and TOTAL_S (the kernels build their grid index inside
 * the first call that needs it, so index time is part of compute).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { siteCompetition } from '../src/criteria/competition.ts';
import { siteDemand } from '../src/criteria/demand.ts';
import { siteHuff } from '../src/criteria/huff.ts';
import { createKernel } from '../src/kernel/index.ts';
import type { SiteKernel } from '../src/kernel/types.ts';
import { createNodeKernel } from '../src/node/kernel-pool.ts';
import { readNumericCsv, writeResultsCsv } from './kernel-io.ts';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { in: { type: 'string' }, out: { type: 'string' }, kernel: { type: 'string', default: 'node' }, threads: { type: 'string' } },
});
const dir = opt.in ?? positionals[0];
const outFile = opt.out ?? positionals[1];
if (!dir || !outFile) {
  console.error('usage: bench/kernel.ts --in DATA_DIR --out RESULTS.csv [--kernel single|node] [--threads N]');
  process.exit(2);
}
const threads = opt.threads ? Number(opt.threads) : availableParallelism();

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const phase = (name: string, s: number) => console.log(`PHASE ${name} ${s.toFixed(3)}`);
const start = performance.now();

let t = performance.now();
const demandCsv = readNumericCsv(join(dir, 'demand.csv'), ['lon', 'lat', 'pop']);
const competitorCsv = readNumericCsv(join(dir, 'competitors.csv'), ['lon', 'lat', 'attractiveness']);
const candidateCsv = readNumericCsv(join(dir, 'candidates.csv'), ['id', 'lon', 'lat']);
const demand = { lon: demandCsv.lon, lat: demandCsv.lat, weight: demandCsv.pop };
const competitors = { lon: competitorCsv.lon, lat: competitorCsv.lat, weight: competitorCsv.attractiveness };
const counted = { ...competitors, weight: new Float64Array(competitors.lon.length).fill(1) };
const sites = { lon: candidateCsv.lon, lat: candidateCsv.lat, weight: new Float64Array(candidateCsv.id.length).fill(1) };
const noOwnNetwork = { lon: new Float64Array(0), lat: new Float64Array(0), weight: new Float64Array(0) };
phase('load', seconds(t));

t = performance.now();
const kernel: SiteKernel = opt.kernel === 'single' ? createKernel() : createNodeKernel({ threads });
const pop1km = await siteDemand(kernel, sites, demand, { radius: 1000, decay: { kind: 'uniform' } });
const decayed3km = await siteDemand(kernel, sites, demand, { radius: 3000, decay: { kind: 'exponential', lambda: 1000 } });
const competition = await siteCompetition(kernel, sites, counted, { radius: 1000, decay: { kind: 'uniform' } });
const huff = await siteHuff(kernel, sites, demand, noOwnNetwork, competitors, { cutoff: 5000, beta: 2, floor: 50, alpha: 1 });
phase('compute', seconds(t));

t = performance.now();
writeResultsCsv(outFile, {
  id: candidateCsv.id, pop1km, decayed3km, comp1km: competition.count, nearestComp: competition.nearest, huffCapture: huff.capture,
});
phase('write', seconds(t));
const cpu = process.cpuUsage();
// CPU seconds of every thread of the process: what the run cost, whatever else shares the cores.
console.log(`CPU_S ${((cpu.user + cpu.system) / 1e6).toFixed(3)}`);
console.log(`TOTAL_S ${seconds(start).toFixed(3)}`);
if ('close' in kernel && typeof kernel.close === 'function') await (kernel.close as () => Promise<void>)();
