/**
 * A roads file's graph for a profile, built once and then read from a binary cache file beside
 * it (`.siteselect-cache/<file>.<profile>.graph`). The cache is keyed by the file's size and
 * modification time and the profile's settings, so an edited extract or a changed speed table
 * rebuilds it. A folder that cannot be written only costs the rebuild next time.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildGraph } from '../network/build-graph.ts';
import { GRAPH_FORMAT_VERSION, graphFromBytes, graphToBytes } from '../network/graph-bytes.ts';
import type { Profile } from '../network/profiles.ts';
import { readRoads } from '../network/read-roads.ts';
import type { RoadGraph } from '../network/road-graph.ts';

export interface LoadedGraph {
  graph: RoadGraph;
  /** The cache file read or written; undefined when caching was off or failed. */
  cacheFile?: string;
  fromCache: boolean;
  notes: string[];
}

/** The cache file: in `cacheDir` when given, else in .siteselect-cache/ beside the roads file. */
export function graphCacheFile(roadsFile: string, profile: Profile, cacheDir?: string): string {
  return join(cacheDir ?? join(dirname(roadsFile), '.siteselect-cache'), `${basename(roadsFile)}.${profile.name}.graph`);
}

export interface GraphLoadOptions {
  /** false: build every time, write nothing. */
  cache?: boolean;
  cacheDir?: string;
  /** How messages name the file (relative to the bundle or as the user typed it). */
  display?: string;
}

export async function loadRoadGraph(roadsFile: string, profile: Profile, opts: GraphLoadOptions = {}): Promise<LoadedGraph> {
  const info = await stat(roadsFile);
  const key = JSON.stringify([GRAPH_FORMAT_VERSION, info.size, info.mtimeMs, profile]);
  const cacheFile = graphCacheFile(roadsFile, profile, opts.cacheDir);
  if (opts.cache !== false) {
    const bytes = await readFile(cacheFile).catch(() => null);
    const graph = bytes && graphFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), key);
    if (graph) return { graph, cacheFile, fromCache: true, notes: [] };
  }
  const ways = await readRoads(opts.display ?? roadsFile, new Uint8Array(await readFile(roadsFile)));
  const graph = buildGraph(ways, profile);
  if (opts.cache === false) return { graph, fromCache: false, notes: ways.notes };
  // A folder marked read-only (shared reference data) is left alone even when we could write it.
  const parent = dirname(opts.cacheDir ?? cacheFile);
  const folder = await stat(opts.cacheDir ? parent : dirname(roadsFile)).catch(() => null);
  if (folder && (folder.mode & 0o222) === 0) return { graph, fromCache: false, notes: [...ways.notes, `graph not cached: ${dirname(roadsFile)} is read-only (give a cache folder)`] };
  try {
    await mkdir(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(tmp, graphToBytes(graph, key));
    await rename(tmp, cacheFile);
    return { graph, cacheFile, fromCache: false, notes: ways.notes };
  } catch (err) {
    return { graph, fromCache: false, notes: [...ways.notes, `graph cache not written (${err instanceof Error ? err.message : String(err)})`] };
  }
}
