/**
 * A RoadGraph as bytes and back (the cache file in Node; IndexedDB/OPFS could hold the same bytes
 * in the page): "SSRG", a format version, a JSON header naming each typed array, then the arrays,
 * each 8-byte aligned so they are read as views without copying.
 */
import type { Profile } from './profiles.ts';
import type { RoadGraph } from './road-graph.ts';

const MAGIC = 0x47525353; // "SSRG" little-endian
export const GRAPH_FORMAT_VERSION = 1;

type Typed = Float64Array | Int32Array | Int8Array;
const KINDS = { f64: Float64Array, i32: Int32Array, i8: Int8Array } as const;
type Kind = keyof typeof KINDS;

function kindOf(a: Typed): Kind {
  return a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'i8';
}

function arraysOf(g: RoadGraph): Record<string, Typed> {
  const { segments: s, out, in: inn } = g;
  return {
    nodeLon: g.nodeLon, nodeLat: g.nodeLat, ...(g.nodeOsmId ? { nodeOsmId: g.nodeOsmId } : {}),
    segA: s.a, segB: s.b, segLength: s.length, segTime: s.time, segDir: s.dir,
    outStart: out.start, outNode: out.node, outLength: out.length, outTime: out.time,
    inStart: inn.start, inNode: inn.node, inLength: inn.length, inTime: inn.time,
  };
}

const align8 = (n: number): number => (n + 7) & ~7;

/** `key` says what the graph was built from; readGraphBytes returns null when it differs. */
export function graphToBytes(g: RoadGraph, key: string): Uint8Array {
  const arrays = arraysOf(g);
  const entries = Object.entries(arrays).map(([name, a]) => ({ name, kind: kindOf(a), length: a.length }));
  const header = new TextEncoder().encode(JSON.stringify({ key, profile: g.profile, arrays: entries }));
  let size = align8(12 + header.length);
  for (const a of Object.values(arrays)) size += align8(a.byteLength);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, GRAPH_FORMAT_VERSION, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  let at = align8(12 + header.length);
  for (const a of Object.values(arrays)) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align8(a.byteLength);
  }
  return bytes;
}

/** The graph, or null when the bytes are not a graph of this format built from `key`. */
export function graphFromBytes(bytes: Uint8Array, key: string): RoadGraph | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== GRAPH_FORMAT_VERSION) return null;
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { key: string; profile: Profile; arrays: { name: string; kind: Kind; length: number }[] };
  if (header.key !== key) return null;
  // Views need an aligned start in a plain buffer: copy once if the bytes are not.
  const plain = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset % 8 === 0 ? bytes.buffer : null;
  const buffer = plain ?? bytes.slice().buffer;
  let at = (plain ? bytes.byteOffset : 0) + align8(12 + headerLength);
  const a: Record<string, Typed> = {};
  for (const { name, kind, length } of header.arrays) {
    const Ctor = KINDS[kind];
    a[name] = new Ctor(buffer, at, length);
    at += align8(length * Ctor.BYTES_PER_ELEMENT);
  }
  const f64 = (n: string): Float64Array => a[n] as Float64Array;
  const i32 = (n: string): Int32Array => a[n] as Int32Array;
  return {
    profile: header.profile,
    nodeLon: f64('nodeLon'),
    nodeLat: f64('nodeLat'),
    ...(a.nodeOsmId ? { nodeOsmId: f64('nodeOsmId') } : {}),
    segments: { a: i32('segA'), b: i32('segB'), length: f64('segLength'), time: f64('segTime'), dir: a.segDir as Int8Array },
    out: { start: i32('outStart'), node: i32('outNode'), length: f64('outLength'), time: f64('outTime') },
    in: { start: i32('inStart'), node: i32('inNode'), length: f64('inLength'), time: f64('inTime') },
  };
}
