/**
 * The OpenStreetMap PBF container and its primitive blocks, decoded with `pbf` and `fflate`
 * (https://wiki.openstreetmap.org/wiki/PBF_Format): a sequence of (BlobHeader, Blob), each blob a
 * zlib-compressed PrimitiveBlock of nodes (plain or dense), ways and relations (decoded only for a
 * visitor that asks for them: administrative boundaries and multipolygons).
 */
import { PbfReader } from 'pbf';
import { unzlibSync } from 'fflate';
import { BundleError } from '../errors.ts';

export interface OsmTags {
  [key: string]: string;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmVisitor {
  node(id: number, lon: number, lat: number, tags: OsmTags | null): void;
  way(id: number, refs: number[], tags: OsmTags | null): void;
  relation?(id: number, members: OsmMember[], tags: OsmTags | null): void;
  /** The extract's bounding box from its header, in degrees, when it declares one. */
  bounds?(box: { west: number; east: number; north: number; south: number }): void;
}

const utf8 = new TextDecoder();
const MEMBER_TYPES: OsmMember['type'][] = ['node', 'way', 'relation'];

interface Blob {
  raw?: Uint8Array;
  zlib?: Uint8Array;
  other?: string;
}

function readBlob(bytes: Uint8Array): Uint8Array {
  const blob = new PbfReader(bytes).readFields<Blob>((tag, b, p) => {
    if (tag === 1) b.raw = p.readBytes();
    else if (tag === 3) b.zlib = p.readBytes();
    else if (tag === 4) b.other = 'LZMA';
    else if (tag === 6) b.other = 'LZ4';
    else if (tag === 7) b.other = 'ZSTD';
  }, {});
  if (blob.raw) return blob.raw;
  if (blob.zlib) return unzlibSync(blob.zlib);
  throw new Error(`blob compression ${blob.other ?? 'unknown'} is not supported (only zlib)`);
}

interface Block {
  strings: string[];
  groups: Uint8Array[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readTags(keys: number[], vals: number[], strings: string[]): OsmTags | null {
  if (keys.length === 0) return null;
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i]]] = strings[vals[i]];
  return tags;
}

function readGroup(group: Uint8Array, block: Block, visit: OsmVisitor, wantWays: boolean): void {
  const { strings, granularity, latOffset, lonOffset } = block;
  const toLat = (v: number): number => 1e-9 * (latOffset + granularity * v);
  const toLon = (v: number): number => 1e-9 * (lonOffset + granularity * v);
  new PbfReader(group).readFields((tag, _r, p) => {
    if (tag === 1) {
      const n = p.readMessage<{ id: number; keys: number[]; vals: number[]; lat: number; lon: number }>((t, m, q) => {
        if (t === 1) m.id = q.readSVarint();
        else if (t === 2) q.readPackedVarint(m.keys);
        else if (t === 3) q.readPackedVarint(m.vals);
        else if (t === 8) m.lat = q.readSVarint();
        else if (t === 9) m.lon = q.readSVarint();
      }, { id: 0, keys: [], vals: [], lat: 0, lon: 0 });
      visit.node(n.id, toLon(n.lon), toLat(n.lat), readTags(n.keys, n.vals, strings));
    } else if (tag === 2) {
      const d = p.readMessage<{ ids: number[]; lats: number[]; lons: number[]; kv: number[] }>((t, m, q) => {
        if (t === 1) q.readPackedSVarint(m.ids);
        else if (t === 8) q.readPackedSVarint(m.lats);
        else if (t === 9) q.readPackedSVarint(m.lons);
        else if (t === 10) q.readPackedVarint(m.kv);
      }, { ids: [], lats: [], lons: [], kv: [] });
      let id = 0;
      let lat = 0;
      let lon = 0;
      let k = 0;
      for (let i = 0; i < d.ids.length; i++) {
        id += d.ids[i];
        lat += d.lats[i];
        lon += d.lons[i];
        let tags: OsmTags | null = null;
        while (k < d.kv.length && d.kv[k] !== 0) {
          tags ??= {};
          tags[strings[d.kv[k]]] = strings[d.kv[k + 1]];
          k += 2;
        }
        k++;
        visit.node(id, toLon(lon), toLat(lat), tags);
      }
    } else if (tag === 3 && wantWays) {
      const w = p.readMessage<{ id: number; keys: number[]; vals: number[]; refs: number[] }>((t, m, q) => {
        if (t === 1) m.id = q.readVarint();
        else if (t === 2) q.readPackedVarint(m.keys);
        else if (t === 3) q.readPackedVarint(m.vals);
        else if (t === 8) q.readPackedSVarint(m.refs);
      }, { id: 0, keys: [], vals: [], refs: [] });
      let ref = 0;
      visit.way(w.id, w.refs.map((delta) => (ref += delta)), readTags(w.keys, w.vals, strings));
    } else if (tag === 4 && visit.relation) {
      const r = p.readMessage<{ id: number; keys: number[]; vals: number[]; roles: number[]; memids: number[]; types: number[] }>((t, m, q) => {
        if (t === 1) m.id = q.readVarint();
        else if (t === 2) q.readPackedVarint(m.keys);
        else if (t === 3) q.readPackedVarint(m.vals);
        else if (t === 8) q.readPackedVarint(m.roles);
        else if (t === 9) q.readPackedSVarint(m.memids);
        else if (t === 10) q.readPackedVarint(m.types);
      }, { id: 0, keys: [], vals: [], roles: [], memids: [], types: [] });
      let ref = 0;
      const members = r.memids.map((delta, i): OsmMember => ({ type: MEMBER_TYPES[r.types[i]] ?? 'node', ref: (ref += delta), role: strings[r.roles[i]] ?? '' }));
      visit.relation(r.id, members, readTags(r.keys, r.vals, strings));
    }
  }, null);
}

function readBlock(bytes: Uint8Array): Block {
  return new PbfReader(bytes).readFields<Block>((tag, b, p) => {
    if (tag === 1) {
      p.readMessage((t, s: string[], q) => {
        if (t === 1) s.push(utf8.decode(q.readBytes()));
      }, b.strings);
    } else if (tag === 2) b.groups.push(p.readBytes());
    else if (tag === 17) b.granularity = p.readVarint();
    else if (tag === 19) b.latOffset = p.readVarint(true);
    else if (tag === 20) b.lonOffset = p.readVarint(true);
  }, { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 });
}

function readHeaderBounds(bytes: Uint8Array, report: NonNullable<OsmVisitor['bounds']>): void {
  new PbfReader(bytes).readFields((tag, _r, p) => {
    if (tag !== 1) return;
    const b = p.readMessage<{ west: number; east: number; north: number; south: number }>((t, m, q) => {
      if (t === 1) m.west = q.readSVarint() * 1e-9;
      else if (t === 2) m.east = q.readSVarint() * 1e-9;
      else if (t === 3) m.north = q.readSVarint() * 1e-9;
      else if (t === 4) m.south = q.readSVarint() * 1e-9;
    }, { west: NaN, east: NaN, north: NaN, south: NaN });
    report(b);
  }, null);
}

/** Walks every node and way (and relation, when the visitor takes them) of the file. Throws on a truncated or unsupported file. */
export function decodeOsmPbf(bytes: Uint8Array, visit: OsmVisitor, opts: { ways: boolean }): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) throw new Error(`truncated at byte ${pos}`);
    const headerLength = view.getInt32(pos, false);
    pos += 4;
    if (headerLength <= 0 || pos + headerLength > bytes.length) throw new Error(`truncated or corrupt blob header at byte ${pos}`);
    const header = new PbfReader(bytes.subarray(pos, pos + headerLength)).readFields<{ type: string; size: number }>((tag, h, p) => {
      if (tag === 1) h.type = p.readString();
      else if (tag === 3) h.size = p.readVarint();
    }, { type: '', size: -1 });
    pos += headerLength;
    if (header.size < 0 || pos + header.size > bytes.length) throw new Error(`truncated blob at byte ${pos}`);
    const blob = bytes.subarray(pos, pos + header.size);
    pos += header.size;
    if (header.type === 'OSMHeader') {
      if (visit.bounds) readHeaderBounds(readBlob(blob), visit.bounds);
      continue;
    }
    if (header.type !== 'OSMData') throw new Error(`unknown blob type '${header.type}'`);
    const block = readBlock(readBlob(blob));
    for (const g of block.groups) readGroup(g, block, visit, opts.ways);
  }
}

/** decodeOsmPbf for a named file: an empty or unreadable extract is one sentence naming it and the fix. */
export function decodeOsmPbfFile(file: string, bytes: Uint8Array, visit: OsmVisitor, opts: { ways: boolean }): void {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); download the extract again.`);
  try {
    decodeOsmPbf(bytes, visit, opts);
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable OSM PBF extract (${err instanceof Error ? err.message : String(err)}); download or export it again.`, { cause: err });
  }
}
