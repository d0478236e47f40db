/**
 * The Node SiteKernel: the pool of src/kernel/pool.ts on worker_threads. `threads` counts the
 * calling thread, which scans its share and blocks until a call is done, so `threads − 1` workers
 * are started (at once: their start-up (a few seconds under tsx) overlaps whatever the caller does
 * first, and a call made before they are up is simply shared by fewer threads). Workers are
 * unref'd, so an idle pool never keeps the process alive; close() ends them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createPoolKernel, type PoolKernel } from '../kernel/pool.ts';
import { WORKER_READY, type TaskReply } from '../kernel/worker-task.ts';

// From the sources (vitest, tsx) the worker entry registers tsx first; compiled (dist/) it is plain JS.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./kernel-worker.mjs', import.meta.url) : new URL('./kernel-worker.js', import.meta.url);

export function createNodeKernel(options: { threads?: number } = {}): PoolKernel {
  const threads = options.threads ?? availableParallelism();
  return createPoolKernel(() => {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (m: unknown) => { if (m === WORKER_READY) resolve(); });
    });
    ready.catch(() => undefined); // a start-up failure also reaches listen()'s onError
    return {
      post: (message) => worker.postMessage(message),
      listen: (onReply, onError) => {
        worker.on('message', (reply: TaskReply | typeof WORKER_READY) => { if (reply !== WORKER_READY) onReply(reply); });
        worker.on('error', onError);
      },
      terminate: () => void worker.terminate(),
      ready,
    };
  }, { workers: threads - 1, callerHelps: true, eager: true });
}
