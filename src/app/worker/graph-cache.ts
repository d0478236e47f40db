/**
 * The page's street-graph cache: a roads file's graph per profile kept in IndexedDB as the bytes of
 * graph-bytes.ts, keyed by the SHA-256 of the roads file and the profile's settings, so a reload
 * (or the same file opened again) reads the graph instead of rebuilding it, and an edited file or
 * a changed speed table builds a new one. The cache holds at most `limit` bytes [256 MB]: storing a
 * graph drops the least recently used ones beyond it (graph-cache-lru.ts). Storage that is
 * missing, full or refused (private windows, no secure context) only costs the rebuild.
 */
import { graphLoaderFor } from '../../network/bundle-graph.ts';
import { buildGraph } from '../../network/build-graph.ts';
import { GRAPH_FORMAT_VERSION, graphFromBytes, graphToBytes } from '../../network/graph-bytes.ts';
import type { Profile } from '../../network/profiles.ts';
import { readRoads } from '../../network/read-roads.ts';
import type { RoadGraph } from '../../network/road-graph.ts';
import { DEFAULT_CACHE_LIMIT, lruEvictions, shouldKeep, type CacheEntry } from './graph-cache-lru.ts';

const DB_NAME = 'siteselect-street-graphs';
/** 2: a usage store beside the graphs (size and last use of each, for the byte limit). */
const DB_VERSION = 2;
const STORE = 'graphs';
const USAGE = 'usage';

export interface CachedGraph {
  graph: RoadGraph;
  fromCache: boolean;
  ms: number;
  /** Slots dropped to stay within the limit when this graph was stored. */
  evicted: string[];
}

export interface GraphCacheOptions {
  /** Most bytes the cache holds [DEFAULT_CACHE_LIMIT]. */
  limit?: number;
}

/** Milliseconds since 1970 to a fraction (two cache operations never share a millisecond's tie). */
const now = (): number => performance.timeOrigin + performance.now();

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openStore(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    // Graphs of version 1 have no usage entries (and an older byte format): start afresh.
    if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
    if (db.objectStoreNames.contains(USAGE)) db.deleteObjectStore(USAGE);
    db.createObjectStore(STORE);
    db.createObjectStore(USAGE);
  };
  return request(open);
}

/** The stored bytes of `slot`, marking it used now. */
async function stored(slot: string): Promise<ArrayBuffer | undefined> {
  const db = await openStore();
  try {
    const tx = db.transaction([STORE, USAGE], 'readwrite');
    const value: unknown = await request(tx.objectStore(STORE).get(slot));
    if (!(value instanceof ArrayBuffer)) return undefined;
    const entry: CacheEntry = { slot, bytes: value.byteLength, used: now() };
    tx.objectStore(USAGE).put(entry, slot);
    await done(tx);
    return value;
  } finally {
    db.close();
  }
}

/** Stores `bytes` as `slot` (one graph per roads file name and profile: a new version replaces the old) and drops what no longer fits. */
async function store(slot: string, bytes: Uint8Array, limit: number): Promise<string[]> {
  if (!shouldKeep(bytes.byteLength, limit)) return [];
  const db = await openStore();
  try {
    const tx = db.transaction([STORE, USAGE], 'readwrite');
    const graphs = tx.objectStore(STORE);
    const usage = tx.objectStore(USAGE);
    graphs.put(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), slot);
    const entry: CacheEntry = { slot, bytes: bytes.byteLength, used: now() };
    usage.put(entry, slot);
    const entries = (await request(usage.getAll())) as CacheEntry[];
    const evicted = lruEvictions(entries, limit, slot);
    for (const old of evicted) {
      graphs.delete(old);
      usage.delete(old);
    }
    await done(tx);
    return evicted;
  } finally {
    db.close();
  }
}

async function contentHash(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const plain = bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', plain));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The roads' graph for a profile: from IndexedDB when this file and profile were built before, else built and stored. */
export async function cachedGraph(roads: { file: string; bytes: Uint8Array }, profile: Profile, opts: GraphCacheOptions = {}): Promise<CachedGraph> {
  const start = performance.now();
  const hash = await contentHash(roads.bytes).catch(() => null);
  const key = JSON.stringify([GRAPH_FORMAT_VERSION, hash, profile]);
  const slot = `${roads.file}|${profile.name}`;
  if (hash !== null) {
    const bytes = await stored(slot).catch(() => undefined);
    const graph = bytes && graphFromBytes(new Uint8Array(bytes), key);
    if (graph) return { graph, fromCache: true, ms: performance.now() - start, evicted: [] };
  }
  const graph = buildGraph(await readRoads(roads.file, roads.bytes), profile);
  const evicted = hash === null ? [] : await store(slot, graphToBytes(graph, key), opts.limit ?? DEFAULT_CACHE_LIMIT).catch(() => []);
  return { graph, fromCache: false, ms: performance.now() - start, evicted };
}

/**
 * Graphs of this bundle's roads come through the cache; each says on the console whether it was
 * read or built (what the browser test watches), and which graphs it pushed out.
 */
export function cacheBundleGraphs(roads: { file: string; bytes: Uint8Array }): void {
  graphLoaderFor(roads, async (profile) => {
    const { graph, fromCache, ms, evicted } = await cachedGraph(roads, profile);
    console.info(`street graph (${profile.name}) of ${roads.file}: ${fromCache ? 'read from the browser cache' : 'built and cached'} in ${Math.round(ms)} ms`);
    if (evicted.length > 0) console.info(`street graph cache: dropped ${evicted.join(', ')} (least recently used) to stay within ${DEFAULT_CACHE_LIMIT / 2 ** 20} MB`);
    return graph;
  });
}
