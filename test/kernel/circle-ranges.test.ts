/** The circle's grid slices: a superset of the points within the radius, without trigonometry per row. */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversine } from '../../src/geo/haversine.ts';
import { acosUpper, circleRanges, rangesCapacity } from '../../src/kernel/circle-ranges.ts';
import { buildGrid } from '../../src/kernel/grid.ts';
import { mulberry32, randomPoints } from './instances.ts';

describe('circleRanges', () => {
  it('acosUpper bounds acos from above on [0, 1], by at most 5.1 % (√2·7/6 ÷ π/2 at 0) and 1e-6 relative near 1', () => {
    for (let k = 0; k <= 100_000; k++) {
      const c = k / 100_000;
      const exact = Math.acos(c), bound = acosUpper(c);
      expect(bound).toBeGreaterThanOrEqual(exact);
      expect(bound).toBeLessThanOrEqual(exact * 1.051);
      if (c > 0.999999) expect(bound).toBeLessThanOrEqual(exact * (1 + 1e-6));
    }
    expect(acosUpper(-0.5)).toBe(Math.acos(-0.5));
  });

  it('every point within the radius lies in a returned slice (brute force, 200 queries × 3 radii)', () => {
    const rnd = mulberry32(5);
    const points = randomPoints(rnd, 4000, 121.47, 31.23, 10);
    const queries = randomPoints(rnd, 200, 121.47, 31.23, 12);
    const grid = buildGrid(points);
    const ranges = new Int32Array(2 * rangesCapacity(grid));
    const slotOf = new Int32Array(points.lon.length); // input index → sorted index
    grid.order.forEach((input, sorted) => { slotOf[input] = sorted; });
    let inside = 0;
    for (const radius of [300, 2000, 7000]) {
      for (let q = 0; q < 200; q++) {
        const count = circleRanges(grid, queries.lon[q], queries.lat[q], radius / EARTH_RADIUS_M, ranges);
        const covered = new Uint8Array(points.lon.length);
        for (let r = 0; r < count; r++) for (let k = ranges[2 * r]; k < ranges[2 * r + 1]; k++) covered[k] = 1;
        for (let j = 0; j < points.lon.length; j++) {
          if (haversine(queries.lon[q], queries.lat[q], points.lon[j], points.lat[j]) > radius) continue;
          inside++;
          if (!covered[slotOf[j]]) expect.fail(`query ${q}, radius ${radius}: point ${j} is within the radius but in no slice`);
        }
      }
    }
    expect(inside).toBeGreaterThan(100_000); // the check saw plenty of points
  });
});
