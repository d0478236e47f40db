/**
 * The page's street-graph cache: a roads file's graph per profile kept in IndexedDB as the bytes of
 * graph-bytes.ts, keyed by the SHA-256 of the roads file and the profile's settings, so a reload
 * (or the same file opened again) reads the graph instead of rebuilding it, and an edited file or
 * a changed speed table builds a new one. Storage that is missing, full or refused (private
 * windows, no secure context) only costs the rebuild.
 */
import { graphLoaderFor } from '../../network/bundle-graph.ts';
import { buildGraph } from '../../network/build-graph.ts';
import { GRAPH_FORMAT_VERSION, graphFromBytes, graphToBytes } from '../../network/graph-bytes.ts';
import type { Profile } from '../../network/profiles.ts';
import { readRoads } from '../../network/read-roads.ts';
import type { RoadGraph } from '../../network/road-graph.ts';

const DB_NAME = 'siteselect-street-graphs';
const STORE = 'graphs';

export interface CachedGraph {
  graph: RoadGraph;
  fromCache: boolean;
  ms: number;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openStore(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function stored(slot: string): Promise<ArrayBuffer | undefined> {
  const db = await openStore();
  try {
    const value: unknown = await request(db.transaction(STORE).objectStore(STORE).get(slot));
    return value instanceof ArrayBuffer ? value : undefined;
  } finally {
    db.close();
  }
}

async function store(slot: string, bytes: Uint8Array): Promise<void> {
  const db = await openStore();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    // One graph per roads file name and profile: a new version of the file replaces the old one.
    tx.objectStore(STORE).put(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), slot);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
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
export async function cachedGraph(roads: { file: string; bytes: Uint8Array }, profile: Profile): Promise<CachedGraph> {
  const start = performance.now();
  const hash = await contentHash(roads.bytes).catch(() => null);
  const key = JSON.stringify([GRAPH_FORMAT_VERSION, hash, profile]);
  const slot = `${roads.file}|${profile.name}`;
  if (hash !== null) {
    const bytes = await stored(slot).catch(() => undefined);
    const graph = bytes && graphFromBytes(new Uint8Array(bytes), key);
    if (graph) return { graph, fromCache: true, ms: performance.now() - start };
  }
  const graph = buildGraph(await readRoads(roads.file, roads.bytes), profile);
  if (hash !== null) await store(slot, graphToBytes(graph, key)).catch(() => undefined);
  return { graph, fromCache: false, ms: performance.now() - start };
}

/**
 * Graphs of this bundle's roads come through the cache; each says on the console whether it was
 * read or built (what the browser test watches).
 */
export function cacheBundleGraphs(roads: { file: string; bytes: Uint8Array }): void {
  graphLoaderFor(roads, async (profile) => {
    const { graph, fromCache, ms } = await cachedGraph(roads, profile);
    console.info(`street graph (${profile.name}) of ${roads.file}: ${fromCache ? 'read from the browser cache' : 'built and cached'} in ${Math.round(ms)} ms`);
    return graph;
  });
}
