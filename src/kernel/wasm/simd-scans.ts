/**
 * The SIMD scans (kernel-wat.ts) bound to one source set. Each thread instantiates the module once
 * and copies the sources it scans into the module's memory as separate x, y, z and value columns
 * (SIMD loads two neighbours of one column at once); a job's chunks reuse that copy. The per-query
 * work (unit vector, circle ranges) stays in the JS scans, which write the ranges straight into the
 * module's memory and make one call per query.
 *
 * Where WebAssembly SIMD is missing, or a source set will not fit in 32-bit memory, `bindSimd`
 * returns null and the JS scans run instead: same sums, same tests.
 */
import type { PointGrid } from '../grid.ts';
import { KERNEL_WASM_BASE64 } from './kernel-wasm.ts';

type Scan4 = (ranges: number, count: number, x: number, y: number, z: number, w: number,
  qx: number, qy: number, qz: number, limit: number) => number;
type Scan5 = (ranges: number, count: number, x: number, y: number, z: number, w: number,
  qx: number, qy: number, qz: number, limit: number, p: number) => number;

interface KernelExports {
  memory: WebAssembly.Memory;
  sum_uniform: Scan4;
  sum_exponential: Scan5;
  sum_gaussian: Scan5;
  sum_linear: Scan5;
  pressure_inverse_square: Scan5;
  pressure_power: (ranges: number, count: number, x: number, y: number, z: number, w: number,
    qx: number, qy: number, qz: number, limit: number, floor2: number, halfBeta: number) => number;
  capture_inverse_square: (ranges: number, count: number, x: number, y: number, z: number, w: number, s: number,
    qx: number, qy: number, qz: number, limit: number, floor2: number, a: number) => number;
  huff_power_candidates: (ranges: number, count: number, x: number, y: number, z: number, w: number, s: number, third: number, out: number,
    qx: number, qy: number, qz: number, limit: number, floor2: number, a: number, halfBeta: number) => void;
}

/** Sources bound in the module's memory: byte pointers of their columns and the ranges buffer. */
export interface SimdBinding {
  /** Where a scan writes its [begin, end) pairs before a call (a view on the module's memory). */
  ranges: Int32Array;
  sumUniform(count: number, qx: number, qy: number, qz: number, limit: number): number;
  sumExponential(count: number, qx: number, qy: number, qz: number, limit: number, invLambda: number): number;
  /** Σ w·e^(−d²·invTwoSigma2). */
  sumGaussian(count: number, qx: number, qy: number, qz: number, limit: number, invTwoSigma2: number): number;
  /** Σ w·(1 − d·invRadius). */
  sumLinear(count: number, qx: number, qy: number, qz: number, limit: number, invRadius: number): number;
  /** Σ w / max(d², floor2): Huff pressure with β = 2, and the power decay with β = 2. */
  pressure(count: number, qx: number, qy: number, qz: number, limit: number, floor2: number): number;
  /** Σ w·max(d², floor2)^(−halfBeta): Huff pressure for any β. */
  pressurePower(count: number, qx: number, qy: number, qz: number, limit: number, floor2: number, halfBeta: number): number;
  /** Σ w·P (P = a/(a + S·max(d², floor2)), β = 2); needs value columns w_i, then S_i. */
  capture(count: number, qx: number, qy: number, qz: number, limit: number, floor2: number, a: number): number;
  /** The same with a third column in place of w_i (the own network's share w·O/S: cannibalisation). */
  captureThird(count: number, qx: number, qy: number, qz: number, limit: number, floor2: number, a: number): number;
  /**
   * Any β: [Σ w·P, Σ third·P] with P = t/(S + t), t = a·max(d², floor2)^(−halfBeta), in one pass
   * (the view is overwritten by the next call); third: the third column, else w again.
   */
  capturePower(count: number, qx: number, qy: number, qz: number, limit: number, floor2: number, a: number, halfBeta: number): Float64Array;
}

let enabled = true;
let exports: KernelExports | null | undefined;
let bound: { key: readonly object[]; capacity: number; binding: SimdBinding } | null = null;

/** Switches the SIMD scans off (or on again) on this thread: tests and benchmarks compare both. */
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * A new instance of the kernel module (its own memory), or null where WebAssembly SIMD is missing.
 * The module is compiled once per thread. (Callers check simdAvailable(): it may be switched off.)
 */
export function instantiateKernel(): WebAssembly.Exports | null {
  if (typeof WebAssembly === 'undefined') return null;
  try {
    if (compiled === undefined) {
      const bytes = Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null; // null: an engine without SIMD
    }
    return compiled && new WebAssembly.Instance(compiled, {}).exports;
  } catch {
    return null; // e.g. a page's main thread that refuses synchronous compilation
  }
}

function instantiate(): KernelExports | null {
  return instantiateKernel() as unknown as KernelExports | null;
}

/** Whether this thread runs the SIMD scans (the module compiles here and they are not switched off). */
export function simdAvailable(): boolean {
  exports ??= instantiate();
  return enabled && exports !== null;
}

const PAGE = 65536;
const MAX_BYTES = 2 ** 31; // pointers are passed as signed i32

/**
 * Binds the grid's points and `columns` (values in the grid's sorted order) for scans whose ranges
 * hold at most `rangePairs` pairs, or returns null (no SIMD, or too large).
 */
export function bindSimd(grid: PointGrid, columns: Float64Array[], rangePairs: number): SimdBinding | null {
  if (!enabled) return null;
  const key = [grid.xyz, ...columns];
  if (bound && bound.capacity >= rangePairs && bound.key.length === key.length && bound.key.every((k, i) => k === key[i])) return bound.binding;
  exports ??= instantiate();
  if (!exports) return null;
  const n = grid.order.length;
  const columnBytes = 16 * Math.ceil((8 * (n + 2)) / 16); // + a spare slot for the masked odd lane
  const outAt = 8 * rangePairs; // two f64 of results after the ranges
  const rangesBytes = 16 * Math.ceil((outAt + 16) / 16);
  const total = rangesBytes + (3 + columns.length) * columnBytes;
  if (total > MAX_BYTES) return null;
  const memory = exports.memory;
  if (memory.buffer.byteLength < total) {
    try {
      memory.grow(Math.ceil((total - memory.buffer.byteLength) / PAGE));
    } catch {
      return null; // the engine refused the memory: the JS scans need none
    }
  }
  const buffer = memory.buffer;
  const pointer = (column: number) => rangesBytes + column * columnBytes;
  const x = new Float64Array(buffer, pointer(0), n + 2);
  const y = new Float64Array(buffer, pointer(1), n + 2);
  const z = new Float64Array(buffer, pointer(2), n + 2);
  const xyz = grid.xyz;
  for (let k = 0; k < n; k++) {
    x[k] = xyz[3 * k];
    y[k] = xyz[3 * k + 1];
    z[k] = xyz[3 * k + 2];
  }
  // The spare slots hold the origin, not a stale point (the lane mask drops them anyway).
  x.fill(0, n); y.fill(0, n); z.fill(0, n);
  columns.forEach((values, c) => {
    const column = new Float64Array(buffer, pointer(3 + c), n + 2);
    column.set(values.subarray(0, n));
    column.fill(0, n);
  });
  const [px, py, pz, pw, ps, p3] = [pointer(0), pointer(1), pointer(2), pointer(3), pointer(4), pointer(5)];
  const e = exports;
  const out = new Float64Array(buffer, outAt, 2);
  const binding: SimdBinding = {
    ranges: new Int32Array(buffer, 0, 2 * rangePairs),
    sumUniform: (count, qx, qy, qz, limit) => e.sum_uniform(0, count, px, py, pz, pw, qx, qy, qz, limit),
    sumExponential: (count, qx, qy, qz, limit, invLambda) => e.sum_exponential(0, count, px, py, pz, pw, qx, qy, qz, limit, invLambda),
    sumGaussian: (count, qx, qy, qz, limit, k) => e.sum_gaussian(0, count, px, py, pz, pw, qx, qy, qz, limit, k),
    sumLinear: (count, qx, qy, qz, limit, k) => e.sum_linear(0, count, px, py, pz, pw, qx, qy, qz, limit, k),
    pressure: (count, qx, qy, qz, limit, floor2) => e.pressure_inverse_square(0, count, px, py, pz, pw, qx, qy, qz, limit, floor2),
    pressurePower: (count, qx, qy, qz, limit, floor2, halfBeta) => e.pressure_power(0, count, px, py, pz, pw, qx, qy, qz, limit, floor2, halfBeta),
    capture: (count, qx, qy, qz, limit, floor2, a) => e.capture_inverse_square(0, count, px, py, pz, pw, ps, qx, qy, qz, limit, floor2, a),
    captureThird: (count, qx, qy, qz, limit, floor2, a) => e.capture_inverse_square(0, count, px, py, pz, p3, ps, qx, qy, qz, limit, floor2, a),
    capturePower: (count, qx, qy, qz, limit, floor2, a, halfBeta) => {
      e.huff_power_candidates(0, count, px, py, pz, pw, ps, columns.length > 2 ? p3 : pw, outAt, qx, qy, qz, limit, floor2, a, halfBeta);
      return out;
    },
  };
  bound = { key, capacity: rangePairs, binding };
  return binding;
}
