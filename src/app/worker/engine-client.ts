/**
 * The page's handle on its engine worker: one promise per request, progress through a callback.
 * Everything heavy (loading, DuckDB, kernels, the funnel) happens on the other side.
 */
import type { FromWorker, KernelInfo, Reply, Request, ToWorker } from './messages.ts';

type Progress = (stage: string, fraction: number) => void;

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  progress?: Progress;
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  onStatus: (status: string) => void = () => undefined;
  /** Told once, when the engine has settled on its distance kernel. */
  onKernel: (kernel: KernelInfo) => void = () => undefined;

  constructor() {
    this.worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'siteselect-engine' });
    this.worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    this.worker.addEventListener('error', (e) => {
      for (const p of this.pending.values()) p.reject(new Error(`engine worker failed: ${e.message}`));
      this.pending.clear();
    });
  }

  call<T extends Reply['type']>(request: Request, progress?: Progress): Promise<Extract<Reply, { type: T }>> {
    const id = this.nextId++;
    const message: ToWorker = { id, request };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: Reply) => void, reject, progress });
      this.worker.postMessage(message);
    });
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'status') {
      this.onStatus(message.status);
      return;
    }
    if (message.kind === 'kernel') {
      this.onKernel(message.kernel);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.progress?.(message.stage, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'reply') pending.resolve(message.reply);
    else pending.reject(new Error(message.message));
  }
}
