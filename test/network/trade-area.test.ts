/**
 * Walking trade areas of C = (1, 0) on the river fixture (units of 111.195 m, 4.8 km/h):
 * D1 = (1, 0.5) is 0.695 min away, D2 = (2, 0.5) 6.25 min (over the footbridge), K = (2, 0) 6.95 min.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../src/io/read-geojson.ts';
import { buildGraph } from '../../src/network/build-graph.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { readLineRoads } from '../../src/network/read-line-roads.ts';
import { Router } from '../../src/network/router.ts';
import { tradeAreas } from '../../src/network/trade-area.ts';
import { riverRoads } from './river-roads.ts';

const ways = readLineRoads(readGeoJson('river.geojson', new TextEncoder().encode(JSON.stringify(riverRoads))));
const router = new Router(buildGraph(ways, profileFor('walk')), 'time');
const at = (x: number, y: number): [number, number] => [x / 1000, y / 1000];
const pts = (...xy: [number, number][]) => ({ lon: Float64Array.from(xy, (p) => p[0] / 1000), lat: Float64Array.from(xy, (p) => p[1] / 1000) });

describe('walking trade areas', () => {
  const areas = tradeAreas(router, {
    site: { lon: 0.001, lat: 0 },
    thresholds: [7, 2],
    walkOff: 50,
    demand: { ...pts([1, 0.5], [2, 0.5]), weight: Float64Array.of(10, 30) },
    competitors: pts([2, 0]),
    own: pts([1, 0]),
  });

  it('counts what reaches the site within each threshold, thresholds ascending', () => {
    expect(areas.features.map((f) => f.properties)).toEqual([
      { threshold: 2, unit: 'minutes', profile: 'walk', demand: 10, competitors: 0, own_outlets: 1 },
      { threshold: 7, unit: 'minutes', profile: 'walk', demand: 40, competitors: 1, own_outlets: 1 },
    ]);
  });

  it('the 2-minute area keeps to the west bank; the 7-minute one crosses by the footbridge', () => {
    const [two, seven] = areas.features;
    expect(booleanPointInPolygon(at(1, 0.5), two)).toBe(true);
    expect(booleanPointInPolygon(at(1, 1.2), two)).toBe(true); // 1.2 units up the street = 1.67 min
    expect(booleanPointInPolygon(at(1, 1.6), two)).toBe(false); // 1.6 units = 2.22 min
    expect(booleanPointInPolygon(at(2, 0.5), two)).toBe(false);
    expect(booleanPointInPolygon(at(1, 3), two)).toBe(false); // 3 units = 4.2 min up the street
    expect(booleanPointInPolygon(at(2, 0.5), seven)).toBe(true);
    expect(booleanPointInPolygon(at(2, 2), seven)).toBe(true);
  });
});

describe("a site in the middle of its street (regression: the area was drawn from the street's ends only)", () => {
  // C' = (1, 0.5) halfway along the 1-unit block (1, 0)–(1, 1): both ends 0.69 min away.
  const [half] = tradeAreas(router, { site: { lon: 0.001, lat: 0.0005 }, thresholds: [0.5], walkOff: 10 }).features;
  it('covers the street beside the site, as far as half a minute walks', () => {
    expect(booleanPointInPolygon(at(1, 0.6), half)).toBe(true); // 11 m: 0.14 min
    expect(booleanPointInPolygon(at(1, 0.2), half)).toBe(true); // 33 m: 0.42 min
    expect(booleanPointInPolygon(at(1, 0.9), half)).toBe(false); // 44 m: 0.56 min
    expect(booleanPointInPolygon(at(1, 0), half)).toBe(false); // the block's end: 0.69 min
  });
});

describe('siteselect network area', () => {
  it('writes one polygon per threshold with the counts, for a candidate of the bundle', async () => {
    const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { main } = await import('../../src/cli/main.ts');
    const dir = await mkdtemp(join(tmpdir(), 'net-area-'));
    try {
      await writeFile(join(dir, 'roads.geojson'), JSON.stringify(riverRoads));
      await writeFile(join(dir, 'demand.csv'), 'id,lon,lat,population\nD1,0.001,0.0005,10\nD2,0.002,0.0005,30\n');
      await writeFile(join(dir, 'candidates.csv'), 'id,lon,lat\nC,0.001,0\n');
      await writeFile(join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 'river', roads: { file: 'roads.geojson' }, layers: [{ layer: 'demand', file: 'demand.csv' }, { layer: 'candidates', file: 'candidates.csv' }] }));
      let stdout = '';
      const code = await main(['network', 'area', '--bundle', '.', '--site-id', 'C', '--profile', 'walk', '--thresholds', '2,7', '--out', 'c.geojson', '--json'], { stdout: (t) => { stdout += t; }, stderr: () => {}, stderrIsTTY: false, cwd: dir });
      expect(code).toBe(0);
      expect(JSON.parse(stdout).areas.map((a: { demand: number }) => a.demand)).toEqual([10, 40]);
      const written = JSON.parse(await readFile(join(dir, 'c.geojson'), 'utf8'));
      expect(written.features).toHaveLength(2);
      expect(booleanPointInPolygon(at(2, 0.5), written.features[1])).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
