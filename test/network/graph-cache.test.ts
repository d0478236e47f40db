import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { costMatrix } from '../../src/network/cost-matrix.ts';
import { graphFromBytes, graphToBytes } from '../../src/network/graph-bytes.ts';
import { hierarchyFromBytes, hierarchyToBytes } from '../../src/network/hierarchy-bytes.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { Router } from '../../src/network/router.ts';
import { graphCacheFile, loadHierarchy, loadRoadGraph } from '../../src/node/road-graph-cache.ts';
import { riverRoads, UNIT } from './river-roads.ts';

const dir = await mkdtemp(join(tmpdir(), 'roads-cache-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('road graph cache', () => {
  it('round-trips a graph through bytes, and refuses bytes built from something else', async () => {
    const file = join(dir, 'river.geojson');
    await writeFile(file, JSON.stringify(riverRoads));
    const { graph } = await loadRoadGraph(file, profileFor('drive'), { cache: false });
    const bytes = graphToBytes(graph, 'k1');
    const back = graphFromBytes(bytes, 'k1');
    expect(back).not.toBeNull();
    expect(Array.from(back!.out.start)).toEqual(Array.from(graph.out.start));
    expect(Array.from(back!.segments.dir)).toEqual(Array.from(graph.segments.dir));
    expect(Array.from(back!.in.time)).toEqual(Array.from(graph.in.time));
    expect(back!.profile).toEqual(graph.profile);
    expect(graphFromBytes(bytes, 'k2')).toBeNull();
  });

  it('writes the cache beside the file, reads it next time, rebuilds when the file or the profile changes', async () => {
    const file = join(dir, 'river2.geojson');
    await writeFile(file, JSON.stringify(riverRoads));
    const walk = profileFor('walk');
    const first = await loadRoadGraph(file, walk);
    expect(first.fromCache).toBe(false);
    expect(first.cacheFile).toBe(graphCacheFile(file, walk));
    expect((await stat(first.cacheFile!)).size).toBeGreaterThan(0);
    const second = await loadRoadGraph(file, walk);
    expect(second.fromCache).toBe(true);
    expect(Array.from(second.graph.segments.length)).toEqual(Array.from(first.graph.segments.length));
    const slower = await loadRoadGraph(file, profileFor('walk', { speeds: { residential: 3 } }));
    expect(slower.fromCache).toBe(false);
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    expect((await loadRoadGraph(file, profileFor('walk', { speeds: { residential: 3 } }))).fromCache).toBe(false);
  });

  it('round-trips a contraction hierarchy through bytes, and refuses bytes built from something else', async () => {
    const file = join(dir, 'river-h.geojson');
    await writeFile(file, JSON.stringify(riverRoads));
    const router = new Router((await loadRoadGraph(file, profileFor('drive'), { cache: false })).graph, 'time');
    const h = router.hierarchy();
    const back = hierarchyFromBytes(hierarchyToBytes(h, 'k1'), 'k1')!;
    for (const [a, b] of [[back.rank, h.rank], [back.order, h.order], [back.up.start, h.up.start], [back.up.node, h.up.node], [back.up.cost, h.up.cost], [back.down.start, h.down.start], [back.down.node, h.down.node], [back.down.cost, h.down.cost]] as const) {
      expect(Array.from(a)).toEqual(Array.from(b));
    }
    expect(back.shortcuts).toBe(h.shortcuts);
    expect(hierarchyFromBytes(hierarchyToBytes(h, 'k1'), 'k2')).toBeNull();
    // A graph's bytes are not a hierarchy's.
    expect(hierarchyFromBytes(graphToBytes(router.graph, 'k1'), 'k1')).toBeNull();
  });

  it('caches the hierarchy beside the graph: the second run reads it with the same costs, another speed table or metric builds anew', async () => {
    const file = join(dir, 'river3.geojson');
    await writeFile(file, JSON.stringify(riverRoads));
    const drive = profileFor('drive');
    // P west of the river, Q east of it: 9 units by the road bridge (river-roads.ts).
    const P = { lon: Float64Array.of(0.001), lat: Float64Array.of(0) };
    const Q = { lon: Float64Array.of(0.002), lat: Float64Array.of(0) };
    const runOnce = async (profile = drive, metric: 'length' | 'time' = 'length') => {
      const loaded = await loadRoadGraph(file, profile);
      const router = new Router(loaded.graph, metric);
      const h = await loadHierarchy(router, loaded);
      return { h, cost: costMatrix(router, P, Q, { hierarchy: h.hierarchy }).value[0] };
    };
    const first = await runOnce();
    expect(first.h.fromCache).toBe(false);
    expect(first.h.cacheFile).toBe(graphCacheFile(file, drive).replace(/graph$/, 'length.hierarchy'));
    expect(first.cost).toBeCloseTo(9 * UNIT, 6);
    const second = await runOnce();
    expect(second.h.fromCache).toBe(true);
    expect(second.cost).toBe(first.cost);
    expect(Array.from(second.h.hierarchy.up.cost)).toEqual(Array.from(first.h.hierarchy.up.cost));
    // Slower residential streets: another graph key, so another hierarchy; time, another metric.
    expect((await runOnce(profileFor('drive', { speeds: { residential: 10 } }))).h.fromCache).toBe(false);
    expect((await runOnce(drive, 'time')).h.fromCache).toBe(false);
    expect((await runOnce(drive, 'time')).h.fromCache).toBe(true);
  });
});
