/**
 * The page's handle on one optimisation run: a fresh worker per run, so Cancel is terminate()
 * and nothing of a cancelled run can arrive afterwards.
 */
import type { OptimizeCurveSummary, OptimizeResult } from '../engine-api.ts';
import type { FromOptimizeWorker, OptimizeRunRequest } from './optimize-messages.ts';

export class CancelledError extends Error {
  constructor() {
    super('optimisation cancelled');
  }
}

/** The run's answer for its p, and the curve over 1 … p when it was asked for. */
export interface OptimizeRunOutput {
  result: OptimizeResult;
  curve?: OptimizeCurveSummary;
}

export interface OptimizeRun {
  result: Promise<OptimizeRunOutput>;
  cancel(): void;
}

export function startOptimizeRun(request: OptimizeRunRequest, onProgress: (stage: string, fraction: number) => void): OptimizeRun {
  const worker = new Worker(new URL('./optimize-worker.ts', import.meta.url), { type: 'module', name: 'siteselect-optimize' });
  let settle: { resolve(r: OptimizeRunOutput): void; reject(e: Error): void } | null = null;
  const result = new Promise<OptimizeRunOutput>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (outcome: OptimizeRunOutput | Error): void => {
    const s = settle;
    settle = null;
    worker.terminate();
    if (!s) return;
    if (outcome instanceof Error) s.reject(outcome);
    else s.resolve(outcome);
  };
  worker.addEventListener('message', (e: MessageEvent<FromOptimizeWorker>) => {
    const m = e.data;
    if (!settle) return;
    if (m.kind === 'progress') onProgress(m.stage, m.fraction);
    else if (m.kind === 'result') finish({ result: m.result, curve: m.curve });
    else finish(new Error(m.message));
  });
  worker.addEventListener('error', (e) => finish(new Error(`optimisation worker failed: ${e.message}`)));
  worker.postMessage(request);
  return { result, cancel: () => finish(new CancelledError()) };
}
