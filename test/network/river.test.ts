/**
 * A river with one bridge, at the equator where 0.001° of longitude or latitude is one "unit" of
 * 111.195 m (sphere radius 6 371 008.8 m). West street x = 1 and east street x = 2 run from y = 0
 * to y = 4; a one-way road bridge (west → east) crosses at y = 4 and a footbridge at y = 2.
 * P = (1, 0) and Q = (2, 0) are 1 unit apart in a straight line; walking P → Q takes the
 * footbridge (2 + 1 + 2 = 5 units); driving takes the road bridge (4 + 1 + 4 = 9 units) and cannot
 * return Q → P at all.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/network/build-graph.ts';
import { costMatrix } from '../../src/network/cost-matrix.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { readLineRoads } from '../../src/network/read-line-roads.ts';
import { Router } from '../../src/network/router.ts';
import { readGeoJson } from '../../src/io/read-geojson.ts';
import { riverRoads, UNIT } from './river-roads.ts';

function router(profile: string, metric: 'length' | 'time'): Router {
  const ways = readLineRoads(readGeoJson('river.geojson', new TextEncoder().encode(JSON.stringify(riverRoads))));
  return new Router(buildGraph(ways, profileFor(profile)), metric);
}

const pts = (...xy: [number, number][]): { lon: Float64Array; lat: Float64Array } => ({ lon: Float64Array.from(xy, (p) => p[0] / 1000), lat: Float64Array.from(xy, (p) => p[1] / 1000) });

function cost(r: Router, from: [number, number], to: [number, number], max?: number): number {
  const m = costMatrix(r, pts(from), pts(to), { max });
  return m.value.length ? m.value[0] : Infinity;
}

describe('a river with one road bridge and one footbridge', () => {
  it('reads four lines joined at shared vertices', () => {
    const ways = readLineRoads(readGeoJson('river.geojson', new TextEncoder().encode(JSON.stringify(riverRoads))));
    expect(ways.highway).toHaveLength(4);
    expect(ways.nodeLon).toHaveLength(10);
  });

  it('walks over the footbridge: 5 units, at 4.8 km/h', () => {
    expect(cost(router('walk', 'length'), [1, 0], [2, 0])).toBeCloseTo(5 * UNIT, 6);
    expect(cost(router('walk', 'time'), [1, 0], [2, 0])).toBeCloseTo((5 * UNIT) / (4.8 / 3.6), 6);
    expect(cost(router('walk', 'length'), [2, 0], [1, 0])).toBeCloseTo(5 * UNIT, 6);
  });

  it('drives over the one-way road bridge one way only', () => {
    const drive = router('drive', 'length');
    expect(cost(drive, [1, 0], [2, 0])).toBeCloseTo(9 * UNIT, 6);
    expect(cost(drive, [2, 0], [1, 0])).toBe(Infinity);
    // residential at 25 km/h
    expect(cost(router('drive', 'time'), [1, 0], [2, 0])).toBeCloseTo((9 * UNIT) / (25 / 3.6), 6);
  });

  it('adds the off-network leg at walking speed and splits the segment where the point snaps', () => {
    // (1.3, 0.5) snaps to (1, 0.5), 0.3 units off; → Q: 0.3 + 1.5 + 1 + 2 = 4.8 units walking
    expect(cost(router('walk', 'length'), [1.3, 0.5], [2, 0])).toBeCloseTo(4.8 * UNIT, 4);
    // driving in time: the 0.3-unit leg is walked, the rest driven (0.5 + 3.5 + 1 + 4 units)
    const expected = (0.3 * UNIT) / (4.8 / 3.6) + (9 * UNIT - 0.5 * UNIT) / (25 / 3.6);
    expect(cost(router('drive', 'time'), [1.3, 0.5], [2, 0])).toBeCloseTo(expected, 3);
  });

  it('goes straight along a shared street, even when the bound stops short of its ends', () => {
    expect(cost(router('walk', 'length'), [1, 0.2], [1, 0.7], 100)).toBeCloseTo(0.5 * UNIT, 6);
  });

  it('keeps only pairs within the bound', () => {
    const walk = router('walk', 'length');
    expect(cost(walk, [1, 0], [2, 0], 5 * UNIT - 1)).toBe(Infinity);
    expect(cost(walk, [1, 0], [2, 0], 5 * UNIT + 1)).toBeCloseTo(5 * UNIT, 6);
  });

  it('reports points beyond the snap limit instead of dropping them', () => {
    const m = costMatrix(router('walk', 'length'), pts([1, 0], [1, 40]), pts([2, 0]), { snapLimit: 500 });
    expect(m.unsnappedFrom).toEqual([1]);
    expect(Array.from(m.from)).toEqual([0]);
  });

  it('a bike may not use the footway (not in its classes) and ignores one-ways', () => {
    const bike = router('bike', 'length');
    expect(cost(bike, [1, 0], [2, 0])).toBeCloseTo(9 * UNIT, 6);
    expect(cost(bike, [2, 0], [1, 0])).toBeCloseTo(9 * UNIT, 6);
  });
});
