/**
 * GeoPackages built here with sql.js: the GPKG metadata tables, two feature tables, and geometry
 * blobs written byte by byte (GP header, an optional envelope, then little- or big-endian WKB),
 * so the coordinates can be checked by eye.
 */
import { describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer, PolygonLayer } from '../../src/data/layer.ts';

/** GP header (version 0, little-endian header, envelope code `env`) + WKB. */
function blob(wkb: Uint8Array, srs: number, env = 0): Uint8Array {
  const out = new Uint8Array(8 + [0, 32][env] + wkb.length);
  const v = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, 1 | (env << 1)]);
  v.setInt32(4, srs, true);
  out.set(wkb, 8 + [0, 32][env]);
  return out;
}

function wkbPoint(x: number, y: number, little = true): Uint8Array {
  const v = new DataView(new ArrayBuffer(21));
  v.setUint8(0, little ? 1 : 0);
  v.setUint32(1, 1, little);
  v.setFloat64(5, x, little);
  v.setFloat64(13, y, little);
  return new Uint8Array(v.buffer);
}

function wkbSquare(x0: number, y0: number, size: number): Uint8Array {
  const ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];
  const v = new DataView(new ArrayBuffer(13 + 16 * ring.length));
  v.setUint8(0, 1);
  v.setUint32(1, 3, true);
  v.setUint32(5, 1, true);
  v.setUint32(9, ring.length, true);
  ring.forEach(([x, y], i) => {
    v.setFloat64(13 + 16 * i, x, true);
    v.setFloat64(21 + 16 * i, y, true);
  });
  return new Uint8Array(v.buffer);
}

async function geopackage(opts: { utm?: boolean } = {}): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
    INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]'), ('UTM 50N', 32650, 'EPSG', 32650, 'PROJCS["WGS 84 / UTM zone 50N",GEOGCS["WGS 84"]]');
    CREATE TABLE "shops" (fid INTEGER PRIMARY KEY, 品牌 TEXT, 面积 REAL, geom BLOB);
    CREATE TABLE "districts" (fid INTEGER PRIMARY KEY, name TEXT, geom BLOB);`);
  const srs = opts.utm ? 32650 : 4326;
  db.run(`INSERT INTO gpkg_contents VALUES ('shops', 'features', ${srs}), ('districts', 'features', 4326), ('notes', 'attributes', 0)`);
  db.run(`INSERT INTO gpkg_geometry_columns VALUES ('shops', 'geom', 'POINT', ${srs}, 0, 0), ('districts', 'geom', 'POLYGON', 4326, 0, 0)`);
  db.run('INSERT INTO shops VALUES (1, ?, 120.5, ?), (2, ?, 80, ?), (3, ?, 60, ?), (4, ?, 10, NULL)', [
    '工商银行', blob(wkbPoint(116.4, 39.9), srs),
    '建设银行', blob(wkbPoint(116.41, 39.91, false), srs, 1),
    '坏', new Uint8Array([0x47, 0x50, 0, 1, 0, 0, 0, 0, 1, 99, 0, 0, 0]),
    '无',
  ]);
  db.run('INSERT INTO districts VALUES (1, ?, ?)', ['A', blob(wkbSquare(116, 39, 1), 4326, 1)]);
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('GeoPackage reader', () => {
  it('reads a feature table by name: points from little- and big-endian WKB, a broken blob rejected', async () => {
    const { layer, report } = await loadLayerFile('city.gpkg', await geopackage(), { layer: 'competitors', file: 'city.gpkg', table: 'shops', columns: { id: 'fid' } });
    const p = layer as PointLayer;
    expect(p.ids).toEqual(['1', '2']);
    expect(Array.from(p.lon)).toEqual([116.4, 116.41]);
    expect(Array.from(p.lat)).toEqual([39.9, 39.91]);
    expect(p.text.brand).toEqual(['工商银行', '建设银行']);
    expect([report.read, report.loaded, report.rejected]).toEqual([4, 2, 2]);
    expect(report.rejects.map((r) => r.row)).toEqual([3, 4]);
    expect(report.rejects[0].reason).toMatch(/unreadable geometry: WKB geometry type 99/);
  });

  it('reads polygons (with an envelope in the header) and asks for a table when there are several', async () => {
    const bytes = await geopackage();
    const { layer } = await loadLayerFile('city.gpkg', bytes, { layer: 'districts', file: 'city.gpkg', table: 'districts', columns: { id: 'fid' } });
    const d = layer as PolygonLayer;
    expect(d.names).toEqual(['A']);
    expect(d.geometries[0]).toEqual({ type: 'Polygon', coordinates: [[[116, 39], [117, 39], [117, 40], [116, 40], [116, 39]]] });
    await expect(loadLayerFile('city.gpkg', bytes, { layer: 'districts', file: 'city.gpkg' })).rejects.toThrow(
      /^city\.gpkg holds 2 feature tables \('districts', 'shops'\); name one in "table" in bundle\.json\./,
    );
    await expect(loadLayerFile('city.gpkg', bytes, { layer: 'districts', file: 'city.gpkg', table: 'wards' })).rejects.toThrow(/has no feature table 'wards'/);
  });

  it('refuses a projected system it cannot convert, with the fix', async () => {
    await expect(loadLayerFile('utm.gpkg', await geopackage({ utm: true }), { layer: 'competitors', file: 'utm.gpkg', table: 'shops' })).rejects.toThrow(
      /^utm\.gpkg is in EPSG:32650 \(WGS 84 \/ UTM zone 50N\).*ogr2ogr -t_srs EPSG:4326/,
    );
  });
});
