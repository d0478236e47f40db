/**
 * Forecasts of many sites on two threads (issue 15): the calling thread and one worker (started as
 * kernel-pool.ts starts its workers) take chunks of whole tiles of the sites in visiting order from
 * one shared counter, so a worker still starting up, or a thread the shared machine runs less,
 * simply takes fewer chunks. Results are written by site index into shared arrays: the same bytes
 * as forecastSites on one thread (forecast-task.ts says why).
 * The market reaches the worker as SharedArrayBuffer copies made once per market (per MarketState
 * object), not per call: both threads read it, so transferring it would take it from the caller,
 * and a structured clone per call would copy ≈ 100 MB for a million demand points. Node only.
 */
import { Worker } from 'node:worker_threads';
import type { Calibration } from '../forecast/calibration.ts';
import { forecastSites, type SiteForecasts, type SitesToForecast } from '../forecast/forecast-sites.ts';
import type { PreparedHuff } from '../forecast/huff-data.ts';
import type { MarketState } from '../forecast/market-state.ts';
import { siteOrder } from '../forecast/site-order.ts';
import { TRANSFER_LANES } from '../kernel/wasm/transfers-wat.ts';
import { FORECAST_WORKER_READY, runForecastChunks, shareCall, shareMarket, unpack, type ForecastMessage, type ForecastReply, type ForecastTask } from './forecast-task.ts';

// From the sources (vitest, tsx) the worker entry registers tsx first; compiled (dist/) it is plain JS.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./forecast-worker.mjs', import.meta.url) : new URL('./forecast-worker.js', import.meta.url);

/** Below this many sites one thread forecasts them: a worker's start (≈ 1 s under tsx) and the market's copy cost more. */
export const MIN_SITES_FOR_WORKER = 5000;

/** Chunks per thread and call: enough to even out the threads; few, since each chunk binds the scans anew (copies the demand columns and the own pairs into the module: ≈ 0.2 s CPU a chunk for the 1 M-point bench market). */
const CHUNKS_PER_THREAD = 3;

export interface ForecastPoolOptions {
  /** [MIN_SITES_FOR_WORKER] */
  minSites?: number;
  /** The calling thread takes chunks too [true]; false leaves them all to the worker (tests). */
  callerHelps?: boolean;
}

export interface PooledForecasts extends SiteForecasts {
  /** Sites the worker forecast (0 on one thread). */
  workerSites: number;
}

export interface ForecastPool {
  forecast(calibration: Calibration, prepared: PreparedHuff, state: MarketState, sites: SitesToForecast, options?: { top?: number; simd?: boolean; signal?: AbortSignal }): Promise<PooledForecasts>;
  /** Resolves once the worker has loaded its code (calls made earlier work too: the caller takes the chunks). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The unref'd worker keeps the process alive while a call waits on it. */
async function awaitReply(worker: Worker, reply: Promise<ForecastReply>): Promise<ForecastReply> {
  worker.ref();
  try {
    return await reply;
  } finally {
    worker.unref();
  }
}

/** Starts the worker at once, so its start-up overlaps whatever the caller does before the first large forecast. */
export function createForecastPool(options: ForecastPoolOptions = {}): ForecastPool {
  const minSites = options.minSites ?? MIN_SITES_FOR_WORKER;
  const callerHelps = options.callerHelps ?? true;
  const worker = new Worker(WORKER_URL);
  worker.unref();
  let failed: Error | undefined;
  const replies = new Map<number, (reply: ForecastReply) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: ForecastReply | typeof FORECAST_WORKER_READY) => {
      if (m === FORECAST_WORKER_READY) resolve();
      else { replies.get(m.id)?.(m); replies.delete(m.id); }
    });
  });
  ready.catch(() => undefined); // also reported by the 'error' handler below
  worker.on('error', (error) => {
    failed = new Error(`the forecast worker failed: ${error.message}`, { cause: error });
    for (const [id, done] of replies) { replies.delete(id); done({ id, sites: 0, error: failed.message }); }
  });
  const markets = new WeakMap<MarketState, number>();
  let nextId = 1, sentMarket = 0;

  return {
    async forecast(calibration, prepared, state, sites, callOptions = {}) {
      const top = callOptions.top ?? 5;
      const count = sites.lon.length;
      if (count < minSites || failed) return { ...forecastSites(calibration, prepared, state, sites, callOptions), workerSites: 0 };
      if (top > 255) throw new Error(`forecast pool: at most 255 transfers a site, not ${top}`);
      let marketId = markets.get(state);
      if (marketId === undefined) { marketId = nextId++; markets.set(state, marketId); }
      if (sentMarket !== marketId) {
        const message: ForecastMessage = { kind: 'market', market: shareMarket(marketId, prepared, state) };
        worker.postMessage(message);
        sentMarket = marketId;
      }
      const order = siteOrder(prepared.grid, sites.lon, sites.lat);
      const shared = shareCall(sites, order, top);
      const chunk = TRANSFER_LANES * Math.max(1, Math.ceil(count / (2 * CHUNKS_PER_THREAD * TRANSFER_LANES)));
      const task: ForecastTask = { id: nextId++, marketId, calibration, sites: shared.sites, order, top, simd: callOptions.simd !== false, out: shared.out, state: new Int32Array(new SharedArrayBuffer(12)), chunk };
      const reply = new Promise<ForecastReply>((resolve) => replies.set(task.id, resolve));
      const message: ForecastMessage = { kind: 'task', task };
      worker.postMessage(message);
      const mine = callerHelps ? runForecastChunks(task, { id: marketId, prepared, state }) : undefined;
      // Every site done and no chunk failed: the worker's reply (late if it was still starting) adds nothing.
      // Otherwise the worker holds a chunk (or failed): its reply, or its crash, ends the call.
      const clean = Atomics.load(task.state, 1) === count && Atomics.load(task.state, 2) === 0;
      if (clean) replies.delete(task.id);
      const theirs: ForecastReply = clean ? { id: task.id, sites: count - (mine?.sites ?? 0) } : await awaitReply(worker, reply);
      const error = mine?.error ?? theirs.error;
      if (error !== undefined) throw new Error(error);
      callOptions.signal?.throwIfAborted();
      return { ...unpack(shared.out, top), workerSites: theirs.sites };
    },
    ready: () => ready,
    async close() {
      await worker.terminate();
    },
  };
}
