/**
 * The benchmark page: one dedicated worker does everything (as the workbench's engine worker does);
 * the page only relays the driver's steps to it. `window.kernelBench(step)` answers one step.
 */
import type { BenchReply, BenchStep } from './steps.ts';

const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'kernel-bench' });

function kernelBench(step: BenchStep): Promise<BenchReply> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<BenchReply>) => resolve(event.data);
    worker.onerror = (event) => resolve({ seconds: 0, error: event.message || 'benchmark worker failed' });
    worker.postMessage(step);
  });
}

Object.assign(window, { kernelBench });
