import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/data/layer.ts';
import { assignPointsToPolygons } from '../../src/geo/containment.ts';
import { seededRandom } from './seeded-random.ts';

// Unit square [0,1]², a square [2,6]² with a hole [3,5]², and a MultiPolygon of two squares.
const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const holed: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[2, 2], [6, 2], [6, 6], [2, 6], [2, 2]],
    [[3, 3], [5, 3], [5, 5], [3, 5], [3, 3]],
  ],
};
const multi: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
    [[[12, 0], [13, 0], [13, 1], [12, 1], [12, 0]]],
  ],
};

function assign(points: [number, number][], polygons: AreaGeometry[]): number[] {
  const lon = Float64Array.from(points, (p) => p[0]);
  const lat = Float64Array.from(points, (p) => p[1]);
  return Array.from(assignPointsToPolygons(lon, lat, polygons));
}

describe('assignPointsToPolygons on hand fixtures', () => {
  it('puts points inside, outside and in holes where a person would', () => {
    const polygons = [square, holed, multi];
    expect(
      assign(
        [
          [0.5, 0.5], // inside the square → 0
          [1.5, 0.5], // between square and holed → -1
          [2.5, 2.5], // holed polygon's ring → 1
          [4, 4], // inside the hole → -1
          [10.5, 0.5], // first part of the MultiPolygon → 2
          [12.5, 0.5], // second part → 2
          [11.5, 0.5], // the gap between the parts → -1
          [100, 100], // far away → -1
        ],
        polygons,
      ),
    ).toEqual([0, -1, 1, -1, 2, 2, -1, -1]);
  });

  it('counts points on edges and vertices as inside, and the hole edge as inside the ring', () => {
    expect(assign([[1, 0.5], [0, 0], [1, 1], [0.5, 0]], [square])).toEqual([0, 0, 0, 0]);
    expect(assign([[3, 4], [5, 5]], [holed])).toEqual([0, 0]); // on the hole's boundary
  });

  it('gives a shared edge to the lower index', () => {
    const right: Polygon = { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] };
    // x = 1 lies on both squares' edge; x = 1.5 only in `right`.
    expect(assign([[1, 0.5], [1.5, 0.5]], [square, right])).toEqual([0, 1]);
    expect(assign([[1, 0.5], [1.5, 0.5]], [right, square])).toEqual([0, 0]);
  });

  it('matches nothing for NaN coordinates, empty geometries or no polygons', () => {
    const empty: Polygon = { type: 'Polygon', coordinates: [] };
    expect(assign([[NaN, 0.5], [0.5, NaN], [0.5, 0.5]], [empty, square])).toEqual([-1, -1, 1]);
    expect(assign([[0.5, 0.5]], [])).toEqual([-1]);
  });

  it('refuses lon and lat of different lengths', () => {
    expect(() => assignPointsToPolygons(new Float64Array(2), new Float64Array(3), [square])).toThrow(/lon has 2 values but lat has 3/);
  });
});

describe('assignPointsToPolygons against brute force', () => {
  it('agrees with booleanPointInPolygon over every polygon for random stars and points', () => {
    const random = seededRandom(42);
    const polygons: AreaGeometry[] = [];
    for (let i = 0; i < 60; i++) polygons.push(randomStar(random, random() * 10, random() * 10, 0.2 + random()));
    const n = 4000;
    const lon = Float64Array.from({ length: n }, () => -1 + random() * 12);
    const lat = Float64Array.from({ length: n }, () => -1 + random() * 12);
    // A few points exactly on vertices, to exercise the boundary rule through the grid.
    for (let k = 0; k < 40; k++) {
      const ring = (polygons[k] as Polygon).coordinates[0];
      [lon[k], lat[k]] = ring[k % (ring.length - 1)];
    }
    const got = assignPointsToPolygons(lon, lat, polygons);
    let inside = 0;
    for (let p = 0; p < n; p++) {
      const expected = polygons.findIndex((poly) => booleanPointInPolygon([lon[p], lat[p]], poly));
      expect(got[p], `point ${p}`).toBe(expected);
      if (expected >= 0) inside++;
    }
    expect(inside).toBeGreaterThan(n / 10); // the test covers hits, not only misses
  });
});

/** A star-shaped (often concave) polygon around (cx, cy). */
function randomStar(random: () => number, cx: number, cy: number, radius: number): Polygon {
  const k = 5 + Math.floor(random() * 12);
  const ring: [number, number][] = [];
  for (let j = 0; j < k; j++) {
    const angle = (2 * Math.PI * j) / k;
    const r = radius * (0.3 + 0.7 * random());
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}
