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
import { createKernel } from '../src/kernel/index.ts';
import type { SiteKernel } from '../src/kernel/types.ts';
import { createNodeKernel } from '../src/node/kernel-pool.ts';
import { KERNEL_INPUTS, kernelResults, type KernelInputs } from './kernel-criteria.ts';
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
const input: KernelInputs = {
  demand: readNumericCsv(join(dir, 'demand.csv'), [...KERNEL_INPUTS.demand]),
  competitors: readNumericCsv(join(dir, 'competitors.csv'), [...KERNEL_INPUTS.competitors]),
  candidates: readNumericCsv(join(dir, 'candidates.csv'), [...KERNEL_INPUTS.candidates]),
};
phase('load', seconds(t));

t = performance.now();
const kernel: SiteKernel = opt.kernel === 'single' ? createKernel() : createNodeKernel({ threads });
const results = await kernelResults(kernel, input);
phase('compute', seconds(t));

t = performance.now();
writeResultsCsv(outFile, results);
phase('write', seconds(t));
const cpu = process.cpuUsage();
// CPU seconds of every thread of the process: what the run cost, whatever else shares the cores.
console.log(`CPU_S ${((cpu.user + cpu.system) / 1e6).toFixed(3)}`);
console.log(`TOTAL_S ${seconds(start).toFixed(3)}`);
if ('close' in kernel && typeof kernel.close === 'function') await (kernel.close as () => Promise<void>)();
