/**
 * Shapefiles written here byte by byte (the ESRI layout: big-endian file header, little-endian
 * shapes; dBASE III attributes), so every coordinate and attribute can be checked by eye: a square
 * district with a square hole, a null shape, a GBK .dbf named by its .cpg, a .prj in web mercator
 * and one in UTM, a zipped copy, a bundle that finds the .dbf beside the .shp, and `score --candidates
 * sites.shp` finding its .DBF.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';
import iconv from 'iconv-lite';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { dbf, shp, type Ring } from './shapefile-bytes.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { memoryFileSource } from '../../src/io/file-source.ts';
import type { PointLayer, PolygonLayer } from '../../src/data/layer.ts';

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

describe('score --candidates FILE.shp', () => {
  it('finds the .dbf beside the .shp and scores the sites', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'shp-score-'));
    try {
      writeFileSync(path.join(temp, 'sites.shp'), shp([{ type: 1, x: 114.0, y: 22.55 }, { type: 1, x: 114.05, y: 22.56 }]));
      writeFileSync(path.join(temp, 'sites.DBF'), dbf([['id', 'C', 4], ['rent', 'N', 6], ['floor_area', 'N', 5], ['visibility', 'N', 2]], [['s1', 9000, 120, 3], ['s2', 12000, 150, 4]]));
      const sample = new URL('../../data/sample', import.meta.url).pathname;
      let err = '';
      const code = await main(['score', sample, '--candidates', 'sites.shp', '--out', 'out.csv', '-q'], { stdout: () => {}, stderr: (t) => void (err += t), stderrIsTTY: false, cwd: temp });
      expect(err).toBe('');
      expect(code).toBe(0);
      const ids = readFileSync(path.join(temp, 'out.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
      expect(ids.sort()).toEqual(['s1', 's2']);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 60_000);
});
