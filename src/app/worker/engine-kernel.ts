/**
 * Which distance kernel the engine worker runs: the browser pool (Web Workers started from this
 * worker, sharing memory) when the page is cross-origin isolated and has more than one core, else
 * the single-thread kernel on this worker's own thread. Both give bit-identical results; the pool
 * only splits the queries between threads.
 */
import { createBrowserKernel, createKernel, simdAvailable, type SiteKernel } from '../engine-api.ts';
import type { KernelInfo } from './messages.ts';

export interface EngineKernel {
  kernel: SiteKernel;
  info: KernelInfo;
}

/** A pool whose workers have not all started by then is given up for the single thread. */
const POOL_START_MS = 30_000;

function single(reason: string): EngineKernel {
  return { kernel: createKernel(), info: { kind: 'single', threads: 1, simd: simdAvailable(), reason } };
}

/** Why the pool cannot run here, or null when it can. */
function poolUnavailable(): string | null {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) return 'page not cross-origin isolated';
  if (typeof Worker === 'undefined') return 'no nested workers';
  if ((navigator.hardwareConcurrency || 1) < 2) return 'one core';
  return null;
}

export async function chooseKernel(): Promise<EngineKernel> {
  const unavailable = poolUnavailable();
  if (unavailable) return single(unavailable);
  const threads = Math.min(navigator.hardwareConcurrency, 8);
  let pool: ReturnType<typeof createBrowserKernel>;
  try {
    pool = createBrowserKernel({ threads });
  } catch (e) {
    return single(e instanceof Error ? e.message : String(e));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`kernel workers not started after ${POOL_START_MS / 1000} s`)), POOL_START_MS);
  });
  try {
    // Waiting here costs nothing in practice: the workers start while the bundle loads.
    await Promise.race([pool.ready(), timeout]);
    // the pool's workers are dedicated workers of the same origin and policy as this one
    return { kernel: pool, info: { kind: 'pool', threads, simd: simdAvailable() } };
  } catch (e) {
    await pool.close();
    return single(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}
