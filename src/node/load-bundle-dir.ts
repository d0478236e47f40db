/** Loads a bundle folder on disk. Node only. */
import type { LoadedBundle } from '../data/layer.ts';
import { loadBundle, type LoadBundleOptions } from '../data/load-bundle.ts';
import { join } from 'node:path';
import { graphLoaderFor } from '../network/bundle-graph.ts';
import { nodeFileSource } from './file-source.ts';
import { loadRoadGraph } from './road-graph-cache.ts';

export async function loadBundleDir(dir: string, options?: LoadBundleOptions): Promise<LoadedBundle> {
  const bundle = await loadBundle(nodeFileSource(dir), options);
  const { roads } = bundle;
  // Street graphs come from a binary cache beside the roads file (built and written the first time).
  if (roads) graphLoaderFor(roads, async (profile) => (await loadRoadGraph(join(dir, roads.file), profile, { display: roads.file })).graph);
  return bundle;
}
