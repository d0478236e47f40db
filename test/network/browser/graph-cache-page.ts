/**
 * The page's street-graph cache (src/app/worker/graph-cache.ts) driven step by step from
 * test/network/graph-cache-lru-browser.test.ts: the river fixture's roads under several file
 * names, each a slot of its own, with a byte limit the test chooses.
 */
import { cachedGraph } from '../../../src/app/worker/graph-cache.ts';
import { graphToBytes } from '../../../src/network/graph-bytes.ts';
import { profileFor } from '../../../src/network/profiles.ts';
import { riverRoads } from '../river-roads.ts';

const bytes = new TextEncoder().encode(JSON.stringify(riverRoads));

(globalThis as Record<string, unknown>).graphCache = {
  /** The cache's bytes for one walk graph of the fixture (every slot holds the same size). */
  graphBytes: async (): Promise<number> => graphToBytes((await cachedGraph({ file: 'probe.geojson', bytes }, profileFor('walk'), { limit: 0 })).graph, 'k').length,
  load: async (file: string, limit: number) => {
    const { fromCache, evicted } = await cachedGraph({ file, bytes }, profileFor('walk'), { limit });
    return { fromCache, evicted };
  },
};
