/**
 * A RoadGraph as bytes and back (the cache file in Node, IndexedDB in the page): "SSRG", a format
 * version, then the graph's typed arrays in the framing of typed-bytes.ts, the profile in its header.
 */
import type { Profile } from './profiles.ts';
import type { RoadGraph } from './road-graph.ts';
import { typedFromBytes, typedToBytes, type Typed } from './typed-bytes.ts';

export const GRAPH_FORMAT_VERSION = 2;
const FRAMING = { magic: 0x47525353 /* "SSRG" little-endian */, version: GRAPH_FORMAT_VERSION };

function arraysOf(g: RoadGraph): Record<string, Typed> {
  const { segments: s, out, in: inn } = g;
  return {
    nodeLon: g.nodeLon, nodeLat: g.nodeLat, ...(g.nodeOsmId ? { nodeOsmId: g.nodeOsmId } : {}),
    segA: s.a, segB: s.b, segLength: s.length, segTime: s.time, segDir: s.dir,
    outStart: out.start, outNode: out.node, outLength: out.length, outTime: out.time,
    inStart: inn.start, inNode: inn.node, inLength: inn.length, inTime: inn.time,
  };
}

/** `key` says what the graph was built from; graphFromBytes returns null when it differs. */
export function graphToBytes(g: RoadGraph, key: string): Uint8Array {
  return typedToBytes(FRAMING, key, { profile: g.profile }, arraysOf(g));
}

/** The graph, or null when the bytes are not a graph of this format built from `key`. */
export function graphFromBytes(bytes: Uint8Array, key: string): RoadGraph | null {
  const read = typedFromBytes<{ profile: Profile }>(FRAMING, bytes, key);
  if (!read) return null;
  const a = read.arrays;
  const f64 = (n: string): Float64Array => a[n] as Float64Array;
  const i32 = (n: string): Int32Array => a[n] as Int32Array;
  return {
    profile: read.meta.profile,
    nodeLon: f64('nodeLon'),
    nodeLat: f64('nodeLat'),
    ...(a.nodeOsmId ? { nodeOsmId: f64('nodeOsmId') } : {}),
    segments: { a: i32('segA'), b: i32('segB'), length: f64('segLength'), time: f64('segTime'), dir: a.segDir as Int8Array },
    out: { start: i32('outStart'), node: i32('outNode'), length: f64('outLength'), time: f64('outTime') },
    in: { start: i32('inStart'), node: i32('inNode'), length: f64('inLength'), time: f64('inTime') },
  };
}
