/**
 * Named typed arrays as one block of bytes and back, the framing of the street caches (a graph in
 * graph-bytes.ts, its contraction hierarchy in hierarchy-bytes.ts): a 4-byte magic, a format
 * version, a JSON header (the key the bytes were built from, free metadata, each array's name,
 * kind and length), then the arrays, each 8-byte aligned so they are read as views without copying.
 */

export type Typed = Float64Array | Int32Array | Int8Array;
const KINDS = { f64: Float64Array, i32: Int32Array, i8: Int8Array } as const;
type Kind = keyof typeof KINDS;

function kindOf(a: Typed): Kind {
  return a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'i8';
}

const align8 = (n: number): number => (n + 7) & ~7;

interface Header<M> {
  key: string;
  meta: M;
  arrays: { name: string; kind: Kind; length: number }[];
}

export interface Framing {
  magic: number;
  version: number;
}

/** `key` says what the arrays were built from; typedFromBytes returns null when it differs. */
export function typedToBytes<M>(framing: Framing, key: string, meta: M, arrays: Record<string, Typed>): Uint8Array {
  const entries = Object.entries(arrays).map(([name, a]) => ({ name, kind: kindOf(a), length: a.length }));
  const header: Header<M> = { key, meta, arrays: entries };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let size = align8(12 + headerBytes.length);
  for (const a of Object.values(arrays)) size += align8(a.byteLength);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, framing.magic, true);
  view.setUint32(4, framing.version, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  let at = align8(12 + headerBytes.length);
  for (const a of Object.values(arrays)) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align8(a.byteLength);
  }
  return bytes;
}

/** The metadata and arrays, or null when the bytes are not of this framing or were built from another `key`. */
export function typedFromBytes<M>(framing: Framing, bytes: Uint8Array, key: string): { meta: M; arrays: Record<string, Typed> } | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== framing.magic || view.getUint32(4, true) !== framing.version) return null;
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header<M>;
  if (header.key !== key) return null;
  // Views need an aligned start in a plain buffer: copy once if the bytes are not.
  const plain = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset % 8 === 0 ? bytes.buffer : null;
  const buffer = plain ?? bytes.slice().buffer;
  let at = (plain ? bytes.byteOffset : 0) + align8(12 + headerLength);
  const arrays: Record<string, Typed> = {};
  for (const { name, kind, length } of header.arrays) {
    const Ctor = KINDS[kind];
    arrays[name] = new Ctor(buffer, at, length);
    at += align8(length * Ctor.BYTES_PER_ELEMENT);
  }
  return { meta: header.meta, arrays };
}
