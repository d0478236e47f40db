/**
 * Where the kernels' arrays live. Single-thread: ordinary heap arrays. Worker pools: arrays on a
 * SharedArrayBuffer, so workers read the index and write their slice of the results in place.
 */
export interface Memory {
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  /** The same values, readable by every worker (a copy unless already shared). */
  share(values: Float64Array): Float64Array;
}

export const heapMemory: Memory = {
  f64: (length) => new Float64Array(length),
  i32: (length) => new Int32Array(length),
  share: (values) => values,
};

export const sharedMemory: Memory = {
  f64: (length) => new Float64Array(new SharedArrayBuffer(8 * length)),
  i32: (length) => new Int32Array(new SharedArrayBuffer(4 * length)),
  share: (values) => {
    if (values.buffer instanceof SharedArrayBuffer) return values;
    const copy = new Float64Array(new SharedArrayBuffer(8 * values.length));
    copy.set(values);
    return copy;
  },
};
