/**
 * A roads file's graph for a profile, built once and then read from a binary cache file beside
 * it (`.siteselect-cache/<file>.<profile>.graph`), and the graph's contraction hierarchy under a
 * metric beside that (`<file>.<profile>.<metric>.hierarchy`). The graph's key is the file's size
 * and modification time and the profile's settings; the hierarchy's adds the metric. So an edited
 * extract or a changed speed table rebuilds both. A folder that cannot be written only costs the
 * rebuild next time.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildGraph } from '../network/build-graph.ts';
import type { Hierarchy } from '../network/contraction.ts';
import { GRAPH_FORMAT_VERSION, graphFromBytes, graphToBytes } from '../network/graph-bytes.ts';
import { HIERARCHY_FORMAT_VERSION, hierarchyFromBytes, hierarchyToBytes } from '../network/hierarchy-bytes.ts';
import type { Profile } from '../network/profiles.ts';
import { readRoads } from '../network/read-roads.ts';
import type { RoadGraph } from '../network/road-graph.ts';
import type { Router } from '../network/router.ts';
import { writeFileAtomically } from './atomic-file.ts';

export interface LoadedGraph {
  graph: RoadGraph;
  /** The cache file read or written; undefined when caching was off or failed. */
  cacheFile?: string;
  fromCache: boolean;
  notes: string[];
  /** What the graph was built from (file size and time, profile): the hierarchy cache's key starts from it. */
  key: string;
  /** The cache files' path without its ending; undefined when caching is off or the folder is read-only. */
  cacheBase?: string;
}

/** The cache file: in `cacheDir` when given, else in .siteselect-cache/ beside the roads file. */
export function graphCacheFile(roadsFile: string, profile: Profile, cacheDir?: string): string {
  return `${cacheBase(roadsFile, profile, cacheDir)}.graph`;
}

function cacheBase(roadsFile: string, profile: Profile, cacheDir?: string): string {
  return join(cacheDir ?? join(dirname(roadsFile), '.siteselect-cache'), `${basename(roadsFile)}.${profile.name}`);
}

export interface GraphLoadOptions {
  /** false: build every time, write nothing. */
  cache?: boolean;
  cacheDir?: string;
  /** How messages name the file (relative to the bundle or as the user typed it). */
  display?: string;
}

/** Why cache files cannot go to this folder, or null. Read-only folders (shared reference data) are left alone even when we could write them. */
async function readOnlyFolder(roadsFile: string, cacheDir: string | undefined): Promise<string | null> {
  const folder = await stat(cacheDir ? dirname(cacheDir) : dirname(roadsFile)).catch(() => null);
  return folder && (folder.mode & 0o222) === 0 ? `${dirname(roadsFile)} is read-only (give a cache folder)` : null;
}

/** Writes a cache file; the reason it could not, or null. */
async function writeCache(file: string, bytes: () => Uint8Array): Promise<string | null> {
  try {
    await writeFileAtomically(file, bytes());
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export async function loadRoadGraph(roadsFile: string, profile: Profile, opts: GraphLoadOptions = {}): Promise<LoadedGraph> {
  const info = await stat(roadsFile);
  const key = JSON.stringify([GRAPH_FORMAT_VERSION, info.size, info.mtimeMs, profile]);
  const cacheFile = graphCacheFile(roadsFile, profile, opts.cacheDir);
  if (opts.cache !== false) {
    const bytes = await readFile(cacheFile).catch(() => null);
    const graph = bytes && graphFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), key);
    if (graph) return { graph, cacheFile, fromCache: true, notes: [], key, cacheBase: cacheBase(roadsFile, profile, opts.cacheDir) };
  }
  const ways = await readRoads(opts.display ?? roadsFile, new Uint8Array(await readFile(roadsFile)));
  const graph = buildGraph(ways, profile);
  if (opts.cache === false) return { graph, fromCache: false, notes: ways.notes, key };
  const failed = (await readOnlyFolder(roadsFile, opts.cacheDir)) ?? (await writeCache(cacheFile, () => graphToBytes(graph, key)));
  if (failed) return { graph, fromCache: false, notes: [...ways.notes, `graph not cached: ${failed}`], key };
  return { graph, cacheFile, fromCache: false, notes: ways.notes, key, cacheBase: cacheBase(roadsFile, profile, opts.cacheDir) };
}

export interface LoadedHierarchy {
  hierarchy: Hierarchy;
  fromCache: boolean;
  cacheFile?: string;
  /** Why it was not cached, when it was built and could not be written. */
  note?: string;
}

/** The router's contraction hierarchy from the cache beside the graph, or null when there is none for this graph and metric. */
export async function readHierarchy(router: Router, loaded: LoadedGraph): Promise<LoadedHierarchy | null> {
  if (loaded.cacheBase === undefined) return null;
  const file = `${loaded.cacheBase}.${router.metric}.hierarchy`;
  const bytes = await readFile(file).catch(() => null);
  const cached = bytes && hierarchyFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), hierarchyKey(router, loaded));
  if (!cached || cached.rank.length !== router.graph.nodeLon.length) return null;
  router.useHierarchy(cached);
  return { hierarchy: cached, fromCache: true, cacheFile: file };
}

const hierarchyKey = (router: Router, loaded: LoadedGraph): string => JSON.stringify([HIERARCHY_FORMAT_VERSION, loaded.key, router.metric]);

/**
 * The router's contraction hierarchy, read from the cache beside the graph `loaded` came from, or
 * built (seconds on a city) and written there; the router keeps it either way.
 */
export async function loadHierarchy(router: Router, loaded: LoadedGraph): Promise<LoadedHierarchy> {
  if (loaded.cacheBase === undefined) return { hierarchy: router.hierarchy(), fromCache: false };
  const cached = await readHierarchy(router, loaded);
  if (cached) return cached;
  const hierarchy = router.hierarchy();
  const file = `${loaded.cacheBase}.${router.metric}.hierarchy`;
  const failed = await writeCache(file, () => hierarchyToBytes(hierarchy, hierarchyKey(router, loaded)));
  return failed ? { hierarchy, fromCache: false, note: `hierarchy not cached: ${failed}` } : { hierarchy, fromCache: false, cacheFile: file };
}
