/**
 * The optimiser's network door on the river fixture. Candidate C = (1, 0) on the west bank;
 * demand D1 = (1, 0.5) beside it and D2 = (2, 0.5) across the river: 1.118 units (124 m) away in a
 * straight line, but 2 + 1 + 1.5 = 4.5 units (500 m) on foot over the footbridge.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { bundleRouter } from '../../src/network/bundle-graph.ts';
import { networkPairs } from '../../src/network/network-pairs.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { problemFromBundle } from '../../src/optimize/from-bundle.ts';
import { riverRoads, UNIT } from './river-roads.ts';

const dir = await mkdtemp(join(tmpdir(), 'net-opt-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeFile(join(dir, 'roads.geojson'), JSON.stringify(riverRoads));
await writeFile(join(dir, 'demand.csv'), 'id,lon,lat,population\nD1,0.001,0.0005,10\nD2,0.002,0.0005,30\n');
await writeFile(join(dir, 'candidates.csv'), 'id,lon,lat\nC,0.001,0\n');
await writeFile(join(dir, 'bundle.json'), JSON.stringify({
  version: 1, name: 'river', roads: { file: 'roads.geojson' },
  layers: [{ layer: 'demand', file: 'demand.csv' }, { layer: 'candidates', file: 'candidates.csv' }],
}));

describe('optimize over the street network', () => {
  it('keeps only the demand within the radius on foot, at its walking distance', async () => {
    const bundle = await loadBundleDir(dir);
    const pairs = networkPairs(await bundleRouter(bundle, 'walk', 'length'));
    const near = problemFromBundle(bundle, { model: 'mclp', p: 1, radius: 200, pairs });
    expect(near.costs.start[1]).toBe(1);
    expect(near.costs.demandIds[near.costs.demand[0]]).toBe('D1');
    expect(near.costs.cost[0]).toBeCloseTo(0.5 * UNIT, 6);
    const far = problemFromBundle(bundle, { model: 'mclp', p: 1, radius: 600, pairs });
    const d2 = far.costs.demandIds.indexOf('D2');
    const at = Array.from(far.costs.demand).indexOf(d2);
    expect(far.costs.cost[at]).toBeCloseTo(4.5 * UNIT, 6);
    // great-circle pairs: both within 200 m
    expect(problemFromBundle(bundle, { model: 'mclp', p: 1, radius: 200 }).costs.start[1]).toBe(2);
    // the walk graph was cached beside the bundle's roads
    expect((await stat(join(dir, '.siteselect-cache', 'roads.geojson.walk.graph'))).size).toBeGreaterThan(0);
  });

  it('siteselect optimize --network walk covers 25 % of demand within 200 m, not 100 %', async () => {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: dir };
    const code = await main(['optimize', '--bundle', '.', '--model', 'mclp', '--p', '1', '--radius', '200', '--network', 'walk', '--json'], io);
    expect(code).toBe(0);
    expect(stderr).toContain('walk network length in metres');
    expect(JSON.parse(stdout).coverage_pct).toBeCloseTo(25, 6);
  });
});
