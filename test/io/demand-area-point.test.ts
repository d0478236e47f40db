/**
 * A demand area is reduced to its centroid, or — where a concave shape puts the centroid outside —
 * to a point strictly inside it. The U below (0–3 × 0–3 with the notch x 1–2, y 1–3 cut out) has
 * its centroid at (1.5, 1.2), inside the notch; Turf's pointOnFeature gave a vertex on the border.
 * A square keeps its centroid.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';

const U: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
const SQUARE: Polygon = { type: 'Polygon', coordinates: [[[10, 10], [12, 10], [12, 12], [10, 12], [10, 10]]] };

describe('demand areas as points', () => {
  it('a concave area: strictly inside, not on its border; a square: its centroid', async () => {
    const doc = { type: 'FeatureCollection', features: [U, SQUARE].map((geometry, i) => ({ type: 'Feature', properties: { id: `a${i}`, population: 100 }, geometry })) };
    const { layer } = await loadLayerFile('areas.geojson', new TextEncoder().encode(JSON.stringify(doc)), { layer: 'demand', file: 'areas.geojson' });
    if (layer.kind !== 'point') throw new Error('demand is a point layer');
    const u: [number, number] = [layer.lon[0], layer.lat[0]];
    expect(booleanPointInPolygon(u, U, { ignoreBoundary: true }), `${u}`).toBe(true);
    expect(booleanPointInPolygon([1.5, 1.2], U)).toBe(false); // the centroid the old path tried first
    expect([layer.lon[1], layer.lat[1]]).toEqual([11, 11]);
  });
});
