import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LoadedBundle, PointLayer, PolygonLayer } from '../../src/data/layer.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import { interiorPoint } from '../../src/geo/interior-point.ts';
import { booleanPointInPolygon } from '@turf/turf';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

function polygons(layer: 'regions' | 'districts', geometries: Polygon[], region?: string[]): PolygonLayer {
  return {
    kind: 'polygon',
    layer,
    ids: geometries.map((_, i) => `${layer[0]}${i}`),
    names: geometries.map(() => ''),
    geometries,
    numeric: {},
    text: region ? { region } : {},
  };
}

function points(layer: 'demand' | 'candidates', coords: [number, number][]): PointLayer {
  return {
    kind: 'point',
    layer,
    ids: coords.map((_, i) => String(i)),
    lon: Float64Array.from(coords, (c) => c[0]),
    lat: Float64Array.from(coords, (c) => c[1]),
    numeric: {},
    text: {},
  };
}

// Two regions side by side: r0 = [0,2]×[0,2], r1 = [2,4]×[0,2]. Districts tile them: d0 and d1 in r0, d2 in r1.
const regions = polygons('regions', [box(0, 0, 2, 2), box(2, 0, 4, 2)]);
const districtShapes = [box(0, 0, 1, 2), box(1, 0, 2, 2), box(2, 0, 4, 2)];

describe('linkBundle', () => {
  it('assigns districts to regions by containment, sharing borders without confusion', () => {
    const bundle: LoadedBundle = { name: 't', synthetic: true, regions, districts: polygons('districts', districtShapes), reports: [] };
    // d1's right edge is r0/r1's shared border; its interior point must still say r0.
    expect(Array.from(linkBundle(bundle).districtRegion)).toEqual([0, 0, 1]);
  });

  it('prefers the districts\' own region column, matched by region id, and falls back to containment', () => {
    // d0 names r1 explicitly (trusting the data over geometry); d1 names an unknown id → containment → r0.
    const districts = polygons('districts', districtShapes, ['r1', 'nope', '']);
    const bundle: LoadedBundle = { name: 't', synthetic: true, regions, districts, reports: [] };
    expect(Array.from(linkBundle(bundle).districtRegion)).toEqual([1, 0, 1]);
  });

  it('links every point layer to district and region, the region through the district', () => {
    const demand = points('demand', [[0.5, 1], [1.5, 1], [3, 1], [9, 9]]);
    const candidates = points('candidates', [[3.5, 0.5]]);
    const bundle: LoadedBundle = { name: 't', synthetic: true, regions, districts: polygons('districts', districtShapes), demand, candidates, reports: [] };
    const links = linkBundle(bundle);
    expect(Array.from(links.pointDistrict.demand ?? [])).toEqual([0, 1, 2, -1]);
    expect(Array.from(links.pointRegion.demand ?? [])).toEqual([0, 0, 1, -1]);
    expect(Array.from(links.pointDistrict.candidates ?? [])).toEqual([2]);
    expect(Array.from(links.pointRegion.candidates ?? [])).toEqual([1]);
    expect(links.pointDistrict.competitors).toBeUndefined();
  });

  it('tests points against regions directly when there are no districts', () => {
    const bundle: LoadedBundle = { name: 't', synthetic: true, regions, demand: points('demand', [[1, 1], [3, 1]]), reports: [] };
    const links = linkBundle(bundle);
    expect(links.districtRegion.length).toBe(0);
    expect(Array.from(links.pointDistrict.demand ?? [])).toEqual([-1, -1]);
    expect(Array.from(links.pointRegion.demand ?? [])).toEqual([0, 1]);
  });
});

describe('interiorPoint', () => {
  it('lies strictly inside a U shape whose centroid is outside', () => {
    // U: [0,3]×[0,3] minus the notch [1,2]×[1,3]; the centroid (1.5, ~1.2) sits in the notch.
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const p = interiorPoint(u);
    expect(p).not.toBeNull();
    expect(booleanPointInPolygon(p as [number, number], u, { ignoreBoundary: true })).toBe(true);
  });

  it('avoids the hole of a ring', () => {
    const ring: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 4, 4).coordinates[0], box(1, 1, 3, 3).coordinates[0]] };
    const p = interiorPoint(ring) as [number, number];
    expect(booleanPointInPolygon(p, ring, { ignoreBoundary: true })).toBe(true);
  });

  it('returns null for an empty polygon', () => {
    expect(interiorPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});
