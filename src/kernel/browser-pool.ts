/**
 * The browser SiteKernel: the pool of pool.ts on Web Workers, sharing memory through
 * SharedArrayBuffer (the page must be cross-origin isolated: COOP same-origin + COEP require-corp,
 * see vite.config.ts). The page's thread never blocks: it posts a task and awaits the workers.
 */
import { UsageError } from '../errors.ts';
import { createPoolKernel, type PoolKernel } from './pool.ts';
import { WORKER_READY, type TaskReply } from './worker-task.ts';

export function createBrowserKernel(options: { threads?: number } = {}): PoolKernel {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) {
    throw new UsageError('the browser kernel needs a cross-origin isolated page (COOP same-origin, COEP require-corp headers) for SharedArrayBuffer');
  }
  const threads = options.threads ?? Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  return createPoolKernel(() => {
    const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
    const ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => { if (event.data === WORKER_READY) resolve(); });
      worker.addEventListener('error', (event) => reject(new Error(event.message)));
    });
    ready.catch(() => undefined); // a start-up failure also reaches listen()'s onError
    return {
      post: (message) => worker.postMessage(message),
      listen: (onReply, onError) => {
        worker.addEventListener('message', (event: MessageEvent<TaskReply | typeof WORKER_READY>) => {
          if (event.data !== WORKER_READY) onReply(event.data);
        });
        worker.addEventListener('error', (event) => onError(new Error(event.message || 'kernel worker failed to start')));
      },
      terminate: () => worker.terminate(),
      ready,
    };
  }, { workers: threads, callerHelps: false, eager: true });
}
