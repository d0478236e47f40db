/**
 * FlatGeobuf files written here with the format's own serializer from a GeoJSON collection whose
 * values are visible: two banks and a feature with no geometry; web mercator through the header.
 */
import { describe, expect, it } from 'vitest';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer } from '../../src/data/layer.ts';

const banks = (coords: [number, number][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: coords.map(([x, y], i) => ({ type: 'Feature', properties: { id: `b${i + 1}`, brand: i === 0 ? 'ICBC' : 'CCB', floor_area: 100 * (i + 1) }, geometry: { type: 'Point', coordinates: [x, y] } })),
});

describe('FlatGeobuf reader', () => {
  it('reads points and their properties', async () => {
    const bytes = serialize(banks([[116.4, 39.9], [116.41, 39.91]]), 4326);
    const { layer, report } = await loadLayerFile('banks.fgb', bytes, { layer: 'competitors', file: 'banks.fgb' });
    const p = layer as PointLayer;
    expect(p.ids).toEqual(['b1', 'b2']);
    expect(p.text.brand).toEqual(['ICBC', 'CCB']);
    expect(Array.from(p.lon)).toEqual([116.4, 116.41]);
    expect([report.read, report.loaded, report.rejected]).toEqual([2, 2, 0]);
    expect(report.notes[0]).toBe('FlatGeobuf: 2 features');
  });

  it('converts web mercator named in the header (111 319.49 m east = 1°)', async () => {
    const bytes = serialize(banks([[0, 0], [111319.49079327357, 0]]), 3857);
    const { layer } = await loadLayerFile('m.data', bytes, { layer: 'competitors', file: 'm.data' });
    expect((layer as PointLayer).lon[1]).toBeCloseTo(1, 9);
  });

  it('names the file when it is cut short or not FlatGeobuf', async () => {
    const whole = serialize(banks([[116.4, 39.9]]), 4326);
    await expect(loadLayerFile('cut.fgb', whole.subarray(0, 40), { layer: 'pois', file: 'cut.fgb' })).rejects.toThrow(/^cut\.fgb is not a readable FlatGeobuf file \(its header is cut short\)/);
    await expect(loadLayerFile('x.fgb', new TextEncoder().encode('id,lon,lat'), { layer: 'pois', file: 'x.fgb', format: 'flatgeobuf' })).rejects.toThrow(/^x\.fgb is not a readable FlatGeobuf file \(no FlatGeobuf signature\)/);
  });
});
