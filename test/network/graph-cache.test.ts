import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphFromBytes, graphToBytes } from '../../src/network/graph-bytes.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { graphCacheFile, loadRoadGraph } from '../../src/node/road-graph-cache.ts';
import { riverRoads } from './river-roads.ts';

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
});
