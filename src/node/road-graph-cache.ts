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

export function graphCacheFile(roadsFile: string, profile: Profile): string {
  return join(dirname(roadsFile), '.siteselect-cache', `${basename(roadsFile)}.${profile.name}.graph`);
}

/** `display` is how messages name the file (relative to the bundle or as the user typed it). */
export async function loadRoadGraph(roadsFile: string, profile: Profile, opts: { cache?: boolean; display?: string } = {}): Promise<LoadedGraph> {
  const info = await stat(roadsFile);
  const key = JSON.stringify([GRAPH_FORMAT_VERSION, info.size, info.mtimeMs, profile]);
  const cacheFile = graphCacheFile(roadsFile, profile);
  if (opts.cache !== false) {
    const bytes = await readFile(cacheFile).catch(() => null);
    const graph = bytes && graphFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), key);
    if (graph) return { graph, cacheFile, fromCache: true, notes: [] };
  }
  const ways = await readRoads(opts.display ?? roadsFile, new Uint8Array(await readFile(roadsFile)));
  const graph = buildGraph(ways, profile);
  if (opts.cache === false) return { graph, fromCache: false, notes: ways.notes };
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
