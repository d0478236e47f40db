/**
 * The forecast scans (forecast-wat.ts) bound to one market: a kernel module instance of its own (so
 * the kernel's scans on this thread keep their bound sources), the demand grid's points and the
 * market state's columns copied into its memory once, then one call per site. Null where SIMD is
 * missing or off, the market will not fit in 32-bit memory, or the model has more gradient columns
 * than the scans take: src/forecast/forecast-scan-js.ts does the same sums then.
 */
import type { PointGrid } from '../grid.ts';
import { forecastScanName, MAX_GRADIENT_COLUMNS, type ForecastDecay } from './forecast-wat.ts';
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
  /** After a call: w_i·P_i at every visited i (0 beyond the cut-off); other entries are stale. */
  share: Float64Array;
  /**
   * `e` = e^(site's log attractiveness term), `coeff` = β or 1/λ, `floor2` = floor² (power),
   * `cut` = cut-off² (power) or the cut-off (exponential), in metres. The sums are valid until the next call.
   */
  scan(count: number, qx: number, qy: number, qz: number, limit: number, e: number, coeff: number, floor2: number, cut: number): ForecastSums;
}

type ScanFunction = (...args: number[]) => void;

const PAGE = 65536;
const MAX_BYTES = 2 ** 31;

export function bindForecastScan(grid: PointGrid, columns: ForecastColumns, decay: ForecastDecay, rangePairs: number): ForecastScan | null {
  const g = columns.gradients.length;
  if (g < 1 || g > MAX_GRADIENT_COLUMNS || !simdAvailable()) return null;
  const exports = instantiateKernel();
  if (!exports) return null;
  const memory = exports.memory as WebAssembly.Memory;
  const run = exports[forecastScanName(decay, g)] as ScanFunction;
  const n = grid.order.length;
  const columnBytes = 16 * Math.ceil((8 * (n + 2)) / 16); // + a spare slot for the masked odd lane
  const headBytes = 16 * Math.ceil((8 * rangePairs + 8 * (4 + g)) / 16); // ranges, then the sums
  const count = 7 + g; // x, y, z, w, wO, S, the gradients, the share written back
  const total = headBytes + count * columnBytes;
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
  return {
    ranges: new Int32Array(buffer, 0, 2 * rangePairs),
    share: column(count - 1),
    scan(spans, qx, qy, qz, limit, e, coeff, floor2, cut) {
      run(0, spans, ...pointers, sumsAt, qx, qy, qz, limit, e, coeff, floor2, cut);
      return sums;
    },
  };
}
