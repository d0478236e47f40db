/**
 * What the forecast pool's threads share (forecast-pool.ts): the market once, in SharedArrayBuffers,
 * and per call the sites in visiting order (site-order.ts) with the outputs, also shared. Every
 * thread claims chunks of whole tiles from one counter and runs forecastSites on each, writing each
 * site's results at its index, so the merged result is the one-thread result exactly: a site's
 * sums do not depend on the other sites, and chunks of whole tiles keep the tiles (site-transfers.ts).
 */
import type { Calibration } from '../forecast/calibration.ts';
import { forecastSites, type SiteForecasts, type SitesToForecast, type Transfer } from '../forecast/forecast-sites.ts';
import type { PreparedHuff } from '../forecast/huff-data.ts';
import type { MarketState } from '../forecast/market-state.ts';

/** The market as the worker receives it: only what forecastSites reads (competitor pairs left empty, S_i holds them). */
export interface SharedMarket {
  id: number;
  prepared: PreparedHuff;
  state: MarketState;
}

/** One call's outputs, by site index; transfers packed `top` a site (count, outlets, amounts). */
export interface PackedForecasts {
  forecast: Float64Array;
  low: Float64Array;
  high: Float64Array;
  cannibalised: Float64Array;
  net: Float64Array;
  transferCount: Uint8Array;
  transferOutlet: Int32Array;
  transferAmount: Float64Array;
}

export interface ForecastTask {
  id: number;
  marketId: number;
  calibration: Calibration;
  /** The sites in visiting order; `order[position]` is the site's index in the caller's layer. */
  sites: SitesToForecast;
  order: Uint32Array;
  top: number;
  simd: boolean;
  out: PackedForecasts;
  /** [0] next unclaimed position, [1] positions finished, [2] 1 once a chunk failed. */
  state: Int32Array;
  /** Sites per chunk, a multiple of TRANSFER_LANES. */
  chunk: number;
}

export type ForecastMessage = { kind: 'market'; market: SharedMarket } | { kind: 'task'; task: ForecastTask };

export interface ForecastReply {
  id: number;
  /** Sites this thread forecast. */
  sites: number;
  error?: string;
}

export const FORECAST_WORKER_READY = 'siteselect-forecast-worker-ready';

const sharedCopy = <T extends Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array>(a: T): T => {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
};

/** The market's arrays copied once into shared memory: posting it to a worker then copies nothing. */
export function shareMarket(id: number, prepared: PreparedHuff, state: MarketState): SharedMarket {
  const { grid, data } = prepared;
  const none = { start: new Int32Array(0), outlet: new Int32Array(0), term: new Float32Array(0) };
  return {
    id,
    prepared: {
      grid: { ...grid, cellStart: sharedCopy(grid.cellStart), order: sharedCopy(grid.order), xyz: sharedCopy(grid.xyz), edgeSin: sharedCopy(grid.edgeSin), edgeCos: sharedCopy(grid.edgeCos) },
      data: {
        weight: sharedCopy(data.weight),
        own: { start: sharedCopy(data.own.start), outlet: sharedCopy(data.own.outlet), term: sharedCopy(data.own.term) },
        competitors: none,
        ownLogA: sharedCopy(data.ownLogA),
        competitorLogA: new Float64Array(0),
        ownZ: sharedCopy(data.ownZ),
      },
    },
    state: { total: sharedCopy(state.total), meanGradient: sharedCopy(state.meanGradient), ownShare: sharedCopy(state.ownShare), ownTotal: sharedCopy(state.ownTotal) },
  };
}

/** The sites in visiting order and the outputs, in shared memory. */
export function shareCall(sites: SitesToForecast, order: Uint32Array, top: number): { sites: SitesToForecast; out: PackedForecasts } {
  const n = order.length, K = n > 0 ? sites.z.length / sites.lon.length : 0;
  const f64 = (length: number) => new Float64Array(new SharedArrayBuffer(8 * length));
  const sorted = { lon: f64(n), lat: f64(n), attractiveness: f64(n), z: f64(n * K) };
  for (let at = 0; at < n; at++) {
    const c = order[at];
    sorted.lon[at] = sites.lon[c];
    sorted.lat[at] = sites.lat[c];
    sorted.attractiveness[at] = sites.attractiveness[c];
    for (let q = 0; q < K; q++) sorted.z[at * K + q] = sites.z[c * K + q];
  }
  return {
    sites: sorted,
    out: {
      forecast: f64(n), low: f64(n), high: f64(n), cannibalised: f64(n), net: f64(n),
      transferCount: new Uint8Array(new SharedArrayBuffer(n)),
      transferOutlet: new Int32Array(new SharedArrayBuffer(4 * n * top)),
      transferAmount: f64(n * top),
    },
  };
}

function runChunk(task: ForecastTask, market: SharedMarket, from: number, to: number): void {
  const { sites, order, out, top } = task;
  const K = sites.z.length / Math.max(sites.lon.length, 1);
  const part = { lon: sites.lon.subarray(from, to), lat: sites.lat.subarray(from, to), attractiveness: sites.attractiveness.subarray(from, to), z: sites.z.subarray(from * K, to * K) };
  // Already in visiting order: forecastSites' own order of the chunk is the identity.
  const result = forecastSites(task.calibration, market.prepared, market.state, part, { top, simd: task.simd });
  for (let i = 0; i < to - from; i++) {
    const c = order[from + i];
    out.forecast[c] = result.forecast[i];
    out.low[c] = result.low[i];
    out.high[c] = result.high[i];
    out.cannibalised[c] = result.cannibalised[i];
    out.net[c] = result.net[i];
    const list = result.transfers[i];
    out.transferCount[c] = list.length;
    list.forEach((t, r) => { out.transferOutlet[c * top + r] = t.outlet; out.transferAmount[c * top + r] = t.amount; });
  }
}

/** Claims and runs chunks until none are left; a failed chunk still counts as finished (flag [2]). */
export function runForecastChunks(task: ForecastTask, market: SharedMarket | undefined): ForecastReply {
  const n = task.order.length, { state, chunk } = task;
  let error: string | undefined, sites = 0;
  if (market?.id !== task.marketId) error = `forecast worker: market ${task.marketId} was not received`;
  for (;;) {
    const from = Atomics.add(state, 0, chunk);
    if (from >= n) break;
    const to = Math.min(from + chunk, n);
    try {
      if (error === undefined) { runChunk(task, market!, from, to); sites += to - from; }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (error !== undefined) Atomics.store(state, 2, 1);
    Atomics.add(state, 1, to - from);
    Atomics.notify(state, 1);
  }
  return error === undefined ? { id: task.id, sites } : { id: task.id, sites, error };
}

/** The packed outputs as forecastSites returns them. */
export function unpack(out: PackedForecasts, top: number): SiteForecasts {
  const n = out.forecast.length;
  const transfers = Array.from({ length: n }, (_, c): Transfer[] => Array.from({ length: out.transferCount[c] }, (_, r) => ({ outlet: out.transferOutlet[c * top + r], amount: out.transferAmount[c * top + r] })));
  return { forecast: out.forecast, low: out.low, high: out.high, cannibalised: out.cannibalised, net: out.net, transfers };
}
