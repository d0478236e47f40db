/** The delimited-text parser and the WKT reader on inputs small enough to check by eye. */
import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/io/csv.ts';
import { parseWkt } from '../../src/io/wkt.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer, PolygonLayer } from '../../src/data/layer.ts';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, delimiters and newlines inside quotes, CRLF, blank lines', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"multi\nline",\r\n3,plain,z';
    const p = parseCsv(text, ',');
    expect(p.header).toEqual(['a', 'b', 'c']);
    expect(p.rowCount).toBe(3);
    expect(p.columns[0]).toEqual(['1', '2', '3']);
    expect(p.columns[1]).toEqual(['x, y', 'multi\nline', 'plain']);
    expect(p.columns[2]).toEqual(['say "hi"', '', 'z']);
    expect(p.rowErrors).toEqual([null, null, null]);
  });

  it('reads TSV and reports short and long records', () => {
    const p = parseCsv('a\tb\n1\t2\n3\n4\t5\t6\n', '\t');
    expect(p.columns).toEqual([['1', '3', '4'], ['2', '', '5']]);
    expect(p.rowErrors).toEqual([
      null,
      { code: 'field-count', params: { fields: 1, width: 2 }, reason: 'has 1 fields where the header has 2' },
      { code: 'field-count', params: { fields: 3, width: 2 }, reason: 'has 3 fields where the header has 2' },
    ]);
  });

  it('sniffs tab, semicolon and comma', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('a,b\n')).toBe(',');
  });
});

describe('parseWkt', () => {
  it('reads POINT, POLYGON with a hole, MULTIPOLYGON, EWKT and Z ordinates', () => {
    expect(parseWkt('POINT (1.5 -2)')).toEqual({ geometry: { type: 'Point', coordinates: [1.5, -2] } });
    expect(parseWkt('SRID=4326;POINT Z (1 2 3)')).toEqual({ geometry: { type: 'Point', coordinates: [1, 2] } });
    expect(parseWkt('POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))')).toEqual({
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] },
    });
    const mp = parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))');
    expect('geometry' in mp && mp.geometry.type === 'MultiPolygon' && mp.geometry.coordinates.length).toBe(2);
    expect(parseWkt('LINESTRING (0 0, 1 1)')).toEqual({ error: { code: 'wkt-unknown', params: {}, reason: 'not WKT POINT, POLYGON or MULTIPOLYGON' } });
    expect(parseWkt('POINT (abc def)')).toHaveProperty('error');
  });

  it('loads a CSV whose geometry is a WKT column: points for pois, polygons for districts', async () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const pts = await loadLayerFile('p.csv', enc('id,wkt\na,POINT (10 20)\nb,POINT (x y)\n'), { layer: 'pois', file: 'p.csv' });
    expect((pts.layer as PointLayer).lon[0]).toBe(10);
    expect(pts.report.rejects).toEqual([{ row: 2, column: 'wkt', code: 'wkt-coordinates', params: {}, reason: 'unreadable WKT coordinates', value: 'POINT (x y)', id: 'b' }]);
    const polys = await loadLayerFile('d.csv', enc('id,name,geom\nd1,One,"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"\n'), { layer: 'districts', file: 'd.csv' });
    expect((polys.layer as PolygonLayer).names).toEqual(['One']);
    expect((polys.layer as PolygonLayer).geometries[0].type).toBe('Polygon');
  });
});

describe('GeoJSON that declares its coordinate system', () => {
  const doc = (crsName: string): Uint8Array =>
    new TextEncoder().encode(JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: crsName } },
      // web-mercator metres of (−77.0090, 38.8899): x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6 378 137
      features: [{ type: 'Feature', properties: { id: 'capitol' }, geometry: { type: 'Point', coordinates: [-8572602.67, 4705912.94] } }],
    }));

  it('converts from EPSG:3857 when the file says so and the manifest names no crs', async () => {
    const { layer, report } = await loadLayerFile('m.geojson', doc('urn:ogc:def:crs:EPSG::3857'), { layer: 'pois', file: 'm.geojson' });
    expect((layer as PointLayer).lon[0]).toBeCloseTo(-77.009, 6);
    expect((layer as PointLayer).lat[0]).toBeCloseTo(38.8899, 6);
    expect(report.notes).toContain('converted from EPSG:3857 to WGS84');
  });

  it('refuses a coordinate system it cannot convert, naming it', async () => {
    await expect(loadLayerFile('s.geojson', doc('urn:ogc:def:crs:EPSG::2248'), { layer: 'pois', file: 's.geojson' })).rejects.toThrow(
      /^s\.geojson declares the coordinate system 'urn:ogc:def:crs:EPSG::2248', which siteselect does not convert; reproject it to WGS84/,
    );
  });
});

describe('spreadsheet exports', () => {
  it('reads a semicolon file with decimal commas and an Excel "sep=" line', async () => {
    const text = 'sep=;\r\nid;lon;lat;note\r\np1;-51,2282;-30,0263;"1,5 km from the river"\r\n';
    const { layer, report } = await loadLayerFile('poa.csv', new TextEncoder().encode(text), { layer: 'pois', file: 'poa.csv' });
    const p = layer as PointLayer;
    expect([p.lon[0], p.lat[0]]).toEqual([-51.2282, -30.0263]);
    expect(p.text.note).toEqual(['1,5 km from the river']);
    expect(report.notes).toContain('2 number(s) with a decimal comma read as decimals');
  });
});
