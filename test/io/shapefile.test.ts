/**
 * Shapefiles written here byte by byte (the ESRI layout: big-endian file header, little-endian
 * shapes; dBASE III attributes), so every coordinate and attribute can be checked by eye: a square
 * district with a square hole, a null shape, a GBK .dbf named by its .cpg, a .prj in web mercator
 * and one in UTM, a zipped copy, and a bundle that finds the .dbf beside the .shp.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { loadLayerFile } from '../../src/io/load-layer-file.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { memoryFileSource } from '../../src/io/file-source.ts';
import type { PointLayer, PolygonLayer } from '../../src/data/layer.ts';

type Ring = [number, number][];
type Shape = { type: 0 } | { type: 1; x: number; y: number } | { type: 5; rings: Ring[] };

function shp(shapes: Shape[]): Uint8Array {
  const bodies = shapes.map((s) => {
    if (s.type === 0) return new Uint8Array(4);
    if (s.type === 1) {
      const b = new DataView(new ArrayBuffer(20));
      b.setInt32(0, 1, true);
      b.setFloat64(4, s.x, true);
      b.setFloat64(12, s.y, true);
      return new Uint8Array(b.buffer);
    }
    const points = s.rings.flat();
    const b = new DataView(new ArrayBuffer(44 + 4 * s.rings.length + 16 * points.length));
    b.setInt32(0, 5, true);
    b.setInt32(36, s.rings.length, true);
    b.setInt32(40, points.length, true);
    let start = 0;
    s.rings.forEach((r, i) => {
      b.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    points.forEach(([x, y], i) => {
      b.setFloat64(44 + 4 * s.rings.length + 16 * i, x, true);
      b.setFloat64(52 + 4 * s.rings.length + 16 * i, y, true);
    });
    return new Uint8Array(b.buffer);
  });
  const total = 100 + bodies.reduce((n, b) => n + 8 + b.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, total / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  let at = 100;
  bodies.forEach((b, i) => {
    v.setInt32(at, i + 1, false);
    v.setInt32(at + 4, b.length / 2, false);
    out.set(b, at + 8);
    at += 8 + b.length;
  });
  return out;
}

/** dBASE III: fields [name, type, length], rows of cells; text encoded by `encode`. */
function dbf(fields: [string, 'C' | 'N', number][], rows: (string | number)[][], encode: (s: string) => Uint8Array = (s) => new TextEncoder().encode(s)): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f[2], 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 3;
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  fields.forEach(([name, type, length], i) => {
    out.set(encode(name).subarray(0, 10), 32 + 32 * i);
    out[32 + 32 * i + 11] = type.charCodeAt(0);
    out[32 + 32 * i + 16] = length;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    row.forEach((cell, c) => {
      const [, type, length] = fields[c];
      const bytes = type === 'N' ? new TextEncoder().encode(String(cell).padStart(length)) : encode(String(cell));
      const padded = new Uint8Array(length).fill(0x20);
      padded.set(bytes.subarray(0, length));
      out.set(padded, at);
      at += length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

const square = (x0: number, y0: number, size: number, clockwise: boolean): Ring => {
  const cw: Ring = [[x0, y0], [x0, y0 + size], [x0 + size, y0 + size], [x0 + size, y0], [x0, y0]];
  return clockwise ? cw : [...cw].reverse();
};
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const MERCATOR_PRJ = 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"],PROJECTION["Mercator_Auxiliary_Sphere"]]';
const UTM_PRJ = 'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984"],PROJECTION["Transverse_Mercator"]]';

// Two districts: one a 1° square with a 0.5° square hole, one a plain square; a null shape third.
const districtsShp = shp([
  { type: 5, rings: [square(116, 39, 1, true), square(116.25, 39.25, 0.5, false)] },
  { type: 5, rings: [square(117, 39, 1, true)] },
  { type: 0 },
]);
const districtsDbf = dbf([['编号', 'C', 4], ['名称', 'C', 12], ['人口', 'N', 8]], [['d1', '东城区', 1000], ['d2', '西城区', 2000], ['d3', '空', 5]], gbk);

describe('Shapefile reader', () => {
  it('reads polygons with holes and a GBK .dbf named by its .cpg, beside the .shp in a bundle', async () => {
    const files = new Map<string, Uint8Array>([
      ['bundle.json', new TextEncoder().encode(JSON.stringify({ version: 1, name: 't', layers: [{ layer: 'districts', file: 'data/d.shp', columns: { id: '编号', name: '名称', population: '人口' } }] }))],
      ['data/d.shp', districtsShp],
      ['data/d.dbf', districtsDbf],
      ['data/d.cpg', new TextEncoder().encode('GBK')],
      ['data/d.prj', new TextEncoder().encode(WGS84_PRJ)],
    ]);
    const b = await loadBundle(memoryFileSource(files));
    const d = b.districts as PolygonLayer;
    expect(d.ids).toEqual(['d1', 'd2']);
    expect(d.names).toEqual(['东城区', '西城区']);
    expect(Array.from(d.numeric.population)).toEqual([1000, 2000]);
    const first = d.geometries[0];
    expect(first.type).toBe('Polygon');
    if (first.type !== 'Polygon') return;
    // Outer ring counter-clockwise (RFC 7946) and the hole kept inside it.
    expect(first.coordinates.length).toBe(2);
    expect(first.coordinates[0][1]).toEqual([117, 39]);
    expect(first.coordinates[1][0]).toEqual([116.25, 39.25]);
    const report = b.reports[0];
    expect([report.read, report.loaded, report.rejected]).toEqual([3, 2, 1]);
    expect(report.rejects[0].row).toBe(3);
    expect(report.notes.join('\n')).toMatch(/\.dbf read as gbk \(from the \.cpg\)/);
  });

  it('reads a zipped Shapefile, and web-mercator points through their .prj', async () => {
    // (0 m, 0 m) and (111 319.49 m, 0 m): 0° and 1° east on the equator.
    const points = shp([{ type: 1, x: 0, y: 0 }, { type: 1, x: 111319.49079327357, y: 0 }]);
    const zip = zipSync({ 'shops/s.shp': points, 'shops/s.dbf': dbf([['brand', 'C', 8]], [['A'], ['B']]), 'shops/s.prj': new TextEncoder().encode(MERCATOR_PRJ) });
    const { layer, report } = await loadLayerFile('shops.zip', zip, { layer: 'competitors', file: 'shops.zip' });
    const p = layer as PointLayer;
    expect(p.text.brand).toEqual(['A', 'B']);
    expect(p.lon[1]).toBeCloseTo(1, 9);
    expect(report.notes.join('\n')).toMatch(/Shapefile shops\/s\.shp: 2 shapes/);
  });

  it('refuses a projected .prj it cannot convert, unless bundle.json names the CRS', async () => {
    const zip = zipSync({ 'u.shp': shp([{ type: 1, x: 116.4, y: 39.9 }]), 'u.dbf': dbf([['id', 'C', 2]], [['a']]), 'u.prj': new TextEncoder().encode(UTM_PRJ) });
    await expect(loadLayerFile('u.shp.zip', zip, { layer: 'pois', file: 'u.shp.zip' })).rejects.toThrow(
      /^u\.shp\.zip is in WGS_1984_UTM_Zone_50N \(its \.prj\).*ogr2ogr -t_srs EPSG:4326/,
    );
    const { layer } = await loadLayerFile('u.shp.zip', zip, { layer: 'pois', file: 'u.shp.zip', crs: 'wgs84' });
    expect((layer as PointLayer).lon[0]).toBe(116.4);
  });

  it('names the missing .dbf in one sentence', async () => {
    await expect(loadLayerFile('lonely.shp', districtsShp, { layer: 'districts', file: 'lonely.shp' })).rejects.toThrow(/^lonely\.shp has no \.dbf beside it/);
  });
});
