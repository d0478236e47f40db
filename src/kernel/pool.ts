/**
 * A SiteKernel over a pool of workers (platform-neutral: the Node and browser pools only say how to
 * start a worker). The index and queries live in SharedArrayBuffers; every task goes to all workers,
 * which claim chunks of queries from one shared counter and write results in place.
 */
import { checkHuff, checkPoints, checkRadius } from './check-args.ts';
import { sharedMemory } from './memory.ts';
import { JobBuilder } from './prepare.ts';
import type { SiteKernel } from './types.ts';
import { queryCount, runChunks, type KernelTask, type TaskMessage, type TaskReply } from './worker-task.ts';

/** The little a pool needs of a worker, whatever its platform. */
export interface PoolWorker {
  post(message: TaskMessage): void;
  /** Called once with the worker's reply handler, and a handler for its crash. */
  listen(onReply: (reply: TaskReply) => void, onError: (error: Error) => void): void;
  terminate(): void;
  /** Resolves once the worker has loaded the kernel code and takes tasks. */
  ready: Promise<void>;
}

export type PoolKernel = SiteKernel & {
  /** Resolves when every worker is up (calls made earlier work too, with fewer threads). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** Chunks per worker per task: enough to even out dense and sparse areas, few enough to be cheap. */
const CHUNKS_PER_WORKER = 64;

export interface PoolOptions {
  /** Workers to start. */
  workers: number;
  /**
   * The calling thread scans chunks too and blocks until the task is done (Node only: a page's
   * main thread must never block). Workers still starting up then cost nothing: the caller and
   * the workers already running take their share.
   */
  callerHelps: boolean;
  /** Start the workers now rather than at the first call. */
  eager: boolean;
}

export function createPoolKernel(spawn: () => PoolWorker, options: PoolOptions): PoolKernel {
  const size = Math.max(options.callerHelps ? 0 : 1, Math.floor(options.workers));
  const jobs = new JobBuilder(sharedMemory);
  let workers: PoolWorker[] | null = null;
  let nextId = 1;
  const pending = new Map<number, { left: number; error?: string; done: (error?: string) => void }>();

  function pool(): PoolWorker[] {
    if (workers) return workers;
    workers = Array.from({ length: size }, () => {
      const w = spawn();
      w.listen((reply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        if (reply.error) p.error ??= reply.error;
        if (--p.left === 0) { pending.delete(reply.id); p.done(p.error); }
      }, (error) => {
        for (const [id, p] of pending) { pending.delete(id); p.done(`kernel worker failed: ${error.message}`); }
      });
      return w;
    });
    return workers;
  }

  function run(task: KernelTask, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    const n = queryCount(task);
    if (n === 0) return Promise.resolve();
    const ws = pool();
    const state = new Int32Array(new SharedArrayBuffer(12));
    const chunk = Math.max(1, Math.ceil(n / ((ws.length + 1) * CHUNKS_PER_WORKER)));
    const id = nextId++;
    if (options.callerHelps) {
      for (const w of ws) w.post({ id, task, state, chunk });
      const error = runChunks({ id, task, state, chunk });
      for (let done = Atomics.load(state, 1); done < n; done = Atomics.load(state, 1)) Atomics.wait(state, 1, done, 1000);
      if (error !== undefined || Atomics.load(state, 2) !== 0) return Promise.reject(new Error(error ?? 'a kernel worker failed'));
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      // On abort, exhaust the counter: workers stop after the chunk they are in.
      const onAbort = () => Atomics.store(state, 0, n);
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        left: ws.length,
        done: (error) => {
          signal?.removeEventListener('abort', onAbort);
          if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          else if (error) reject(new Error(error));
          else resolve();
        },
      });
      for (const w of ws) w.post({ id, task, state, chunk });
    });
  }

  if (options.eager) pool();

  return {
    async sumWithin(queries, sources, radius, decay, signal) {
      checkPoints('sumWithin queries', queries);
      checkPoints('sumWithin sources', sources, sources.weight);
      checkRadius(radius);
      const job = jobs.sumWithin(queries, sources, radius, decay);
      await run({ method: 'sumWithin', job }, signal);
      return job.out;
    },
    async nearest(queries, sources, signal) {
      checkPoints('nearest queries', queries);
      checkPoints('nearest sources', sources);
      const job = jobs.nearest(queries, sources);
      await run({ method: 'nearest', job }, signal);
      return job.out;
    },
    async huffPressure(demand, outlets, params, signal) {
      checkPoints('huffPressure demand', demand);
      checkPoints('huffPressure outlets', outlets, outlets.weight);
      checkHuff(params);
      const job = jobs.pressure(demand, outlets, params);
      await run({ method: 'pressure', job }, signal);
      return job.out;
    },
    async huffCandidates(candidates, demand, totalPressure, ownPressure, params, signal) {
      checkPoints('huffCandidates candidates', candidates, candidates.weight);
      checkPoints('huffCandidates demand', demand, demand.weight);
      checkPoints('huffCandidates totalPressure', demand, totalPressure);
      checkPoints('huffCandidates ownPressure', demand, ownPressure);
      checkHuff(params);
      const job = jobs.candidates(candidates, demand, totalPressure, ownPressure, params);
      await run({ method: 'candidates', job }, signal);
      return { capture: job.capture, cannibalisation: job.cannibalisation };
    },
    async ready() {
      await Promise.all(pool().map((w) => w.ready));
    },
    close() {
      const ws = workers ?? [];
      workers = null;
      for (const w of ws) w.terminate();
      return Promise.resolve();
    },
  };
}
