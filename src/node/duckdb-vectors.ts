/**
 * DuckDB's data-chunk vectors (@duckdb/node-api) read and filled a column at a time, as typed
 * arrays. The library's per-item getItem/setItem test each item's validity bit with BigInt
 * arithmetic, which was most of the cost of moving millions of rows between JS and DuckDB; here
 * the values are copied in one go and the validity words read and written as 32-bit integers.
 * The typed arrays and validity words are the library's own (fields its .d.ts keeps private):
 * where a vector lacks them, the per-item calls are used instead. Node only.
 */
import type { DuckDBValue, DuckDBVector } from '@duckdb/node-api';

/** What the numeric vectors hold: their items, and the validity (no words: every item valid). */
interface NumericParts {
  items: Float64Array | Int32Array;
  validity: { data: BigUint64Array | null; offset: number; setItemValid(i: number, valid: boolean): void };
}

function numericParts(vector: DuckDBVector): NumericParts | undefined {
  const parts = vector as unknown as Partial<NumericParts>;
  const { items, validity } = parts;
  if (!(items instanceof Float64Array || items instanceof Int32Array) || validity === undefined || typeof validity.setItemValid !== 'function') return undefined;
  return parts as NumericParts;
}

/** The validity words as 32-bit integers (bit i of the vector: bit i & 31 of word i >> 5; DuckDB's words are little-endian). */
function words(data: BigUint64Array): Uint32Array {
  return new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
}

/** A numeric vector's items (DOUBLE, INTEGER …) as doubles, NaN for NULL. */
export function readNumbers(vector: DuckDBVector, n: number): Float64Array {
  const parts = numericParts(vector);
  if (parts === undefined || parts.validity.offset !== 0) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = vector.getItem(i);
      out[i] = v === null ? NaN : Number(v);
    }
    return out;
  }
  const out = Float64Array.from(parts.items.subarray(0, n));
  const data = parts.validity.data;
  if (data !== null) {
    const w = words(data);
    for (let i = 0; i < n; i++) if ((w[i >>> 5] & (1 << (i & 31))) === 0) out[i] = NaN;
  }
  return out;
}

/** A vector's items as the library's getItem gives them (null for NULL), numbers without its per-item validity test. */
export function readValues(vector: DuckDBVector, n: number): DuckDBValue[] {
  const parts = numericParts(vector);
  if (parts === undefined || parts.validity.offset !== 0) return vector.toArray().slice(0, n);
  const out = Array.from(parts.items.subarray(0, n)) as DuckDBValue[];
  const data = parts.validity.data;
  if (data !== null) {
    const w = words(data);
    for (let i = 0; i < n; i++) if ((w[i >>> 5] & (1 << (i & 31))) === 0) out[i] = null;
  }
  return out;
}

/** A vector's items as text (null for NULL), each as DuckDB gives it. */
export function readTexts(vector: DuckDBVector, n: number): (string | null)[] {
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const v = vector.getItem(i);
    out[i] = v === null ? null : String(v);
  }
  return out;
}

/** Sets items [0, to - from) of a fresh DOUBLE or INTEGER vector from values[from, to); NaN (doubles) is NULL. Returns false where the vector is not one. */
export function fillNumbers(vector: DuckDBVector, values: Float64Array | Int32Array, from: number, to: number): boolean {
  const parts = numericParts(vector);
  if (parts === undefined || parts.validity.offset !== 0 || (parts.items instanceof Float64Array) !== (values instanceof Float64Array)) return false;
  const part = values.subarray(from, to);
  (parts.items as Float64Array).set(part as Float64Array);
  if (values instanceof Float64Array) {
    let first = -1;
    for (let i = 0; i < part.length; i++) {
      if (Number.isNaN(part[i])) {
        first = i;
        break;
      }
    }
    if (first >= 0) {
      // the library creates the words (all valid) on the first invalid item; the rest are cleared here
      parts.validity.setItemValid(first, false);
      const data = parts.validity.data;
      if (data === null) return false;
      const w = words(data);
      for (let i = first + 1; i < part.length; i++) if (Number.isNaN(part[i])) w[i >>> 5] &= ~(1 << (i & 31));
    }
  }
  vector.flush();
  return true;
}

/** Sets items [0, to - from) of a fresh VARCHAR vector from values[from, to); '' is NULL. */
export function fillTexts(vector: DuckDBVector, values: readonly string[], from: number, to: number): void {
  let invalid: Uint32Array | undefined;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v !== '') {
      vector.setItem(i - from, v);
      continue;
    }
    if (invalid === undefined) {
      // the first NULL through the library (it creates the words); the rest by clearing their bits
      vector.setItem(i - from, null);
      const data = (vector as unknown as Partial<NumericParts>).validity?.data;
      if (data === null || data === undefined) {
        for (let j = i + 1; j < to; j++) vector.setItem(j - from, values[j] === '' ? null : values[j]);
        break;
      }
      invalid = words(data);
      continue;
    }
    invalid[(i - from) >>> 5] &= ~(1 << ((i - from) & 31));
  }
  vector.flush();
}
