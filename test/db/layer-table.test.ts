import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { layerToArrow } from '../../src/db/layer-table.ts';

describe('layerToArrow', () => {
  it('keeps every text exactly (ASCII, accents, CJK, emoji, long), with "" as null', () => {
    const long = 'x'.repeat(5000); // longer than the first buffer guess of 8 bytes per row
    const texts = ['plain', 'Süd', '北京市朝阳区', '', '🏦 bank', long, 'a"b\'c'];
    const layer: PointLayer = {
      kind: 'point',
      layer: 'pois',
      ids: texts.map((_, i) => `p${i}`),
      lon: new Float64Array(texts.length),
      lat: new Float64Array(texts.length),
      numeric: {},
      text: { name: texts },
    };
    const table = layerToArrow(layer);
    const column = table.getChild('name');
    expect(Array.from({ length: texts.length }, (_, i) => column?.get(i) as unknown)).toEqual(texts.map((t) => (t === '' ? null : t)));
    expect(column?.nullCount).toBe(1);
    expect(table.getChild('id')?.nullCount).toBe(0);
  });

  it('orders columns id, lon, lat, numeric, text and renames a clash with a fixed column', () => {
    const layer: PointLayer = {
      kind: 'point',
      layer: 'demand',
      ids: ['a'],
      lon: Float64Array.of(1),
      lat: Float64Array.of(2),
      numeric: { population: Float64Array.of(NaN), lat: Float64Array.of(9) },
      text: { id: ['source id'] },
    };
    const table = layerToArrow(layer);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'lon', 'lat', 'population', 'lat_2', 'id_2']);
    expect(table.getChild('population')?.get(0)).toBeNull(); // NaN is missing
    expect(table.getChild('lat_2')?.get(0)).toBe(9);
  });
});
