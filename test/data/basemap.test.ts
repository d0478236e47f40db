/**
 * The bundle's optional basemap: classes read from a property (OSM words understood), points and
 * empty geometries left out with a note, a bad file named with the fix; the sample city's basemap
 * holds water, parks and main roads, the roads inside the city's outline.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, union, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readBasemap } from '../../src/data/basemap.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { memoryFileSource } from '../../src/io/file-source.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const bytes = (o: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(o));
const line = { type: 'LineString', coordinates: [[0, 0], [0.01, 0.01]] };
const square = { type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]] };
const f = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });

describe('readBasemap', () => {
  it('reads each feature\'s class from the named property, OSM words included, and counts what it cannot draw', () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        f({ natural: 'river' }, square), f({ natural: 'forest' }, square), f({ natural: 'primary' }, line),
        f({ natural: 'railway' }, line), f({ natural: 'Water' }, square), f({ natural: 'shop' }, line),
        f({ natural: 'park' }, { type: 'Point', coordinates: [0, 0] }), f({ natural: 'park' }, null),
      ],
    };
    const map = readBasemap('context.geojson', bytes(doc), { kindProperty: 'natural', attribution: '© test' });
    expect(map.features.map((x) => x.kind)).toEqual(['water', 'park', 'road', 'rail', 'water', 'other']);
    expect(map.attribution).toBe('© test');
    expect(map.notes).toEqual([
      'context.geojson: 2 features without a line or polygon geometry not drawn',
      'context.geojson: 1 feature with no known "natural" (water, park, road, rail) drawn as plain lines',
    ]);
  });

  it('names the file and the fix when it is not a GeoJSON FeatureCollection', () => {
    expect(() => readBasemap('b.geojson', new TextEncoder().encode('{oops'))).toThrow(/^b\.geojson: the basemap is not valid JSON .*; give a GeoJSON FeatureCollection of lines and polygons\.$/);
    expect(() => readBasemap('b.geojson', bytes({ type: 'Feature' }))).toThrow('b.geojson: the basemap must be a GeoJSON FeatureCollection of lines and polygons.');
  });

  it('is loaded with the bundle from the manifest, and a missing file is one sentence naming it', async () => {
    const regions = { type: 'FeatureCollection', features: [f({ id: 'R1', name: 'One' }, square)] };
    const manifest = (basemap: object) => bytes({ version: 1, name: 't', layers: [{ layer: 'regions', file: 'r.geojson' }], basemap });
    const files = new Map([['r.geojson', bytes(regions)], ['m.geojson', bytes({ type: 'FeatureCollection', features: [f({ kind: 'road' }, line)] })]]);
    files.set('bundle.json', manifest({ file: 'm.geojson', attribution: 'Roads: test' }));
    const bundle = await loadBundle(memoryFileSource(files));
    expect(bundle.basemap?.features).toEqual([{ kind: 'road', geometry: line }]);
    expect(bundle.basemap?.attribution).toBe('Roads: test');
    files.set('bundle.json', manifest({ file: 'gone.geojson' }));
    await expect(loadBundle(memoryFileSource(files))).rejects.toThrow("bundle.json names 'gone.geojson' for the basemap, but that file does not exist; fix \"basemap\" in bundle.json or add the file.");
  });
});

describe("the sample city's basemap", () => {
  it('holds a river and a lake, parks and the main streets, every street point inside the city', async () => {
    const bundle = await loadBundleDir(new URL('../../data/sample/', import.meta.url).pathname);
    const map = bundle.basemap;
    if (!map) throw new Error('the sample names a basemap');
    const count = (k: string): number => map.features.filter((x) => x.kind === k).length;
    expect(count('water')).toBe(2);
    expect(count('park')).toBeGreaterThanOrEqual(5);
    // One line per boulevard and avenue of the street network that crosses the city.
    const roads = JSON.parse(readFileSync(new URL('../../data/sample/roads.geojson', import.meta.url), 'utf8')) as FeatureCollection;
    const main = new Set(roads.features.filter((r) => ['primary', 'secondary'].includes(String(r.properties?.highway))).map((r) => r.properties?.name));
    expect(count('road')).toBeGreaterThan(0);
    expect(count('road')).toBeLessThanOrEqual(main.size);
    const regions = JSON.parse(readFileSync(new URL('../../data/sample/regions.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const city = union(featureCollection(regions.features as Feature<Polygon | MultiPolygon>[]));
    if (!city) throw new Error('the regions have a union');
    for (const road of map.features.filter((x) => x.kind === 'road')) {
      if (road.geometry.type !== 'MultiLineString') throw new Error('roads are multi-lines');
      // The outline the generator clips to is the regions' union, up to its 100 m sampling.
      for (const p of road.geometry.coordinates.flat()) expect(booleanPointInPolygon(p, city) || nearEdge(p, city)).toBe(true);
    }
    expect(bundle.basemap?.attribution).toMatch(/^Basemap: synthetic/);
  });
});

/** Within ~150 m of the polygon (a clipped end lies on the edge, which the regions approximate). */
function nearEdge(p: number[], poly: Feature<Polygon | MultiPolygon>): boolean {
  const d = 0.0015;
  return [[d, 0], [-d, 0], [0, d], [0, -d]].some(([dx, dy]) => booleanPointInPolygon([p[0] + dx, p[1] + dy], poly));
}
