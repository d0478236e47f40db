/**
 * The forecast scans (forecast-wat.ts) bound to one market: a kernel module instance of its own (so
 * the kernel's scans on this thread keep their bound sources), the demand grid's points and the
 * market state's columns copied into its memory once (with the own pairs when transfers are wanted),
 * then one call per site and one per tile of sites for the transfers. Null where SIMD is
 * missing or off, the market will not fit in 32-bit memory, or the model has more gradient columns
 * than the scans take: src/forecast/forecast-scan-js.ts does the same sums then.
 */
import type { PointGrid } from '../grid.ts';
import { forecastScanName, MAX_GRADIENT_COLUMNS, type ForecastDecay } from './forecast-wat.ts';
import { TRANSFER_LANES, TRANSFER_TILE_NAME } from './transfers-wat.ts';
import { instantiateKernel, simdAvailable } from './simd-scans.ts';

/** The market in the demand grid's sorted order. */
export interface ForecastColumns {
  weight: Float64Array;
  /** w_i · (the own network's share of i). */
  ownWeight: Float64Array;
  /** S_i, the total utility of the outlets reaching i. */
  total: Float64Array;
  /** Ḡ_iq for θ's entries 1 … p − 1, one column each. */
  gradients: Float64Array[];
}

/** One site's sums: Σ w·P, Σ wO·P, Σ spread, Σ spread·D, then Σ spread·Ḡ_q per gradient column. */
export type ForecastSums = Float64Array;

export interface ForecastScan {
  /** Where the caller writes the site's [begin, end) slices before a call. */
  ranges: Int32Array;
  /**
   * Interleaved, TRANSFER_LANES f64 per point: after a call with `lane`, w_i·P_i at [i·LANES + lane]
   * for every visited i (0 beyond the cut-off); other entries are left as they were.
   */
  share: Float64Array;
  /**
   * `e` = e^(site's log attractiveness term), `coeff` = β or 1/λ, `floor2` = floor² (power),
   * `cut` = cut-off² (power) or the cut-off (exponential), in metres. The sums are valid until the next call.
   */
  scan(lane: number, count: number, qx: number, qy: number, qz: number, limit: number, e: number, coeff: number, floor2: number, cut: number): ForecastSums;
  /** With own pairs bound: the transfer sums of a tile (transfers-wat.ts). */
  transfers: TileTransfers | null;
}

/** The own pairs a transfer tile reads: HuffData.own's CSR and the market state's P_ij. */
export interface OwnPairs {
  start: Int32Array;
  outlet: Int32Array;
  share: Float64Array;
  outlets: number;
}

export interface TileTransfers {
  /** Where the caller writes the tile's disjoint [begin, end) point slices. */
  intervals: Int32Array;
  /** TRANSFER_LANES f64 per own outlet: the sums, added to by each call (the caller clears them). */
  loss: Float64Array;
  /** Adds the tile's sums over the first `count` intervals to `loss` and zeroes their shares. */
  accumulate(count: number): void;
}

type ScanFunction = (...args: number[]) => void;

const PAGE = 65536;
const MAX_BYTES = 2 ** 31;

/**
 * `pairs`: bind the own pairs too, for the transfer sums (null: forecasts only). Null where the
 * scans cannot run here (see above); the caller then runs the JavaScript scans and sums.
 */
export function bindForecastScan(grid: PointGrid, columns: ForecastColumns, decay: ForecastDecay, rangePairs: number, pairs: OwnPairs | null = null): ForecastScan | null {
  const g = columns.gradients.length;
  if (g < 1 || g > MAX_GRADIENT_COLUMNS || !simdAvailable()) return null;
  const exports = instantiateKernel();
  if (!exports) return null;
  const memory = exports.memory as WebAssembly.Memory;
  const run = exports[forecastScanName(decay, g)] as ScanFunction;
  const n = grid.order.length;
  const aligned = (bytes: number) => 16 * Math.ceil(bytes / 16);
  const columnBytes = aligned(8 * (n + 2)); // + a spare slot for the masked odd lane
  const headBytes = aligned(8 * rangePairs + 8 * (4 + g)); // ranges, then the sums
  const count = 6 + g; // x, y, z, w, wO, S, the gradients
  const shareAt = headBytes + count * columnBytes;
  const shareBytes = aligned(8 * TRANSFER_LANES * (n + 2));
  const pairCount = pairs ? pairs.outlet.length : 0;
  // The transfer tile's buffers: point starts, pair outlets and shares, per-outlet sums, intervals.
  const startAt = shareAt + shareBytes;
  const outletAt = startAt + aligned(4 * (n + 1));
  const pshareAt = outletAt + aligned(4 * pairCount);
  const lossAt = pshareAt + aligned(8 * pairCount);
  const intervalsAt = lossAt + aligned(8 * TRANSFER_LANES * (pairs ? pairs.outlets : 0));
  const total = pairs ? intervalsAt + aligned(8 * TRANSFER_LANES * rangePairs) : startAt;
  if (total > MAX_BYTES) return null;
  if (memory.buffer.byteLength < total) {
    try {
      memory.grow(Math.ceil((total - memory.buffer.byteLength) / PAGE));
    } catch {
      return null;
    }
  }
  const buffer = memory.buffer;
  const pointer = (column: number) => headBytes + column * columnBytes;
  const column = (c: number) => new Float64Array(buffer, pointer(c), n + 2);
  const [x, y, z] = [column(0), column(1), column(2)];
  for (let k = 0; k < n; k++) {
    x[k] = grid.xyz[3 * k];
    y[k] = grid.xyz[3 * k + 1];
    z[k] = grid.xyz[3 * k + 2];
  }
  [columns.weight, columns.ownWeight, columns.total, ...columns.gradients].forEach((values, c) => column(3 + c).set(values.subarray(0, n)));
  const pointers = Array.from({ length: count }, (_, c) => pointer(c));
  const sumsAt = 8 * rangePairs;
  const sums = new Float64Array(buffer, sumsAt, 4 + g);
  const share = new Float64Array(buffer, shareAt, TRANSFER_LANES * (n + 2));
  share.fill(0);
  let transfers: TileTransfers | null = null;
  if (pairs) {
    new Int32Array(buffer, startAt, n + 1).set(pairs.start.subarray(0, n + 1));
    new Int32Array(buffer, outletAt, pairCount).set(pairs.outlet);
    new Float64Array(buffer, pshareAt, pairCount).set(pairs.share);
    const tile = exports[TRANSFER_TILE_NAME] as ScanFunction;
    const loss = new Float64Array(buffer, lossAt, TRANSFER_LANES * pairs.outlets);
    loss.fill(0);
    transfers = {
      intervals: new Int32Array(buffer, intervalsAt, 2 * TRANSFER_LANES * rangePairs),
      loss,
      accumulate: (intervals) => tile(intervalsAt, intervals, startAt, outletAt, pshareAt, shareAt, lossAt),
    };
  }
  return {
    ranges: new Int32Array(buffer, 0, 2 * rangePairs),
    share,
    scan(lane, spans, qx, qy, qz, limit, e, coeff, floor2, cut) {
      run(0, spans, ...pointers, shareAt + 8 * lane, sumsAt, qx, qy, qz, limit, e, coeff, floor2, cut);
      return sums;
    },
    transfers,
  };
}
