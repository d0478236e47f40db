/**
 * The single-thread SiteKernel: exact haversine sums over a cell-sorted grid index. The worker
 * pools (src/node/kernel-pool.ts, browser-pool.ts) run the same scans on slices of the queries.
 */
import { checkHuff, checkPoints, checkRadius } from './check-args.ts';
import { heapMemory } from './memory.ts';
import { JobBuilder } from './prepare.ts';
import { scanCandidates, scanPressure } from './scan-huff.ts';
import { scanNearest } from './scan-nearest.ts';
import { scanSumWithin } from './scan-sum-within.ts';
import type { SiteKernel } from './types.ts';

export type * from './types.ts';

/**
 * Runs a scan over all queries in chunks: V8 then compiles the scan as a whole function after the
 * first chunks rather than running one long on-stack-replaced loop (measured ~1.5× slower).
 */
function inChunks<J extends { qOrder: Int32Array }>(scan: (job: J, from: number, to: number) => void, job: J): void {
  const n = job.qOrder.length;
  const chunk = Math.max(256, Math.ceil(n / 64));
  for (let from = 0; from < n; from += chunk) scan(job, from, Math.min(from + chunk, n));
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** `threads` is accepted for symmetry with the pools and ignored: this kernel runs on the caller's thread. */
export function createKernel(options: { threads?: number } = {}): SiteKernel {
  void options;
  const jobs = new JobBuilder(heapMemory);
  return {
    sumWithin(queries, sources, radius, decay, signal) {
      checkPoints('sumWithin queries', queries);
      checkPoints('sumWithin sources', sources, sources.weight);
      checkRadius(radius);
      throwIfAborted(signal);
      const job = jobs.sumWithin(queries, sources, radius, decay);
      inChunks(scanSumWithin, job);
      return Promise.resolve(job.out);
    },
    nearest(queries, sources, signal) {
      checkPoints('nearest queries', queries);
      checkPoints('nearest sources', sources);
      throwIfAborted(signal);
      const job = jobs.nearest(queries, sources);
      inChunks(scanNearest, job);
      return Promise.resolve(job.out);
    },
    huffPressure(demand, outlets, params, signal) {
      checkPoints('huffPressure demand', demand);
      checkPoints('huffPressure outlets', outlets, outlets.weight);
      checkHuff(params);
      throwIfAborted(signal);
      const job = jobs.pressure(demand, outlets, params);
      inChunks(scanPressure, job);
      return Promise.resolve(job.out);
    },
    huffCandidates(candidates, demand, totalPressure, ownPressure, params, signal) {
      checkPoints('huffCandidates candidates', candidates, candidates.weight);
      checkPoints('huffCandidates demand', demand, demand.weight);
      checkPoints('huffCandidates totalPressure', demand, totalPressure);
      checkPoints('huffCandidates ownPressure', demand, ownPressure);
      checkHuff(params);
      throwIfAborted(signal);
      const job = jobs.candidates(candidates, demand, totalPressure, ownPressure, params);
      inChunks(scanCandidates, job);
      return Promise.resolve({ capture: job.capture, cannibalisation: job.cannibalisation });
    },
  };
}
