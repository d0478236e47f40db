/**
 * Chinese CSVs (GBK, GB18030, UTF-8 with BOM; columns 编号/名称/经度/纬度) and the Chinese map
 * coordinate systems. The WGS84 references are computed here, independently of gcoord: the
 * published GCJ-02 forward formula (Krasovsky ellipsoid, the constants every implementation
 * copies) inverted by fixed-point iteration, the BD-09 forward formula likewise, and the
 * closed-form inverse of spherical web mercator.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { decodeText } from '../../src/io/decode-text.ts';
import { haversine } from '../../src/geo/haversine.ts';
import type { LayerEntry } from '../../src/data/bundle-manifest.ts';
import type { PointLayer } from '../../src/data/layer.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))));

// --- GCJ-02 forward, as published (e.g. eviltransform, coordtransform) ---
const A = 6378245.0;
const EE = 0.006693421622965943;
function tLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function wgsToGcj(lon: number, lat: number): [number, number] {
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const dLat = (tLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * Math.sqrt(magic))) * Math.PI);
  const dLon = (tLon(lon - 105, lat - 35) * 180) / ((A / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
const X_PI = (Math.PI * 3000) / 180;
function gcjToBd(lon: number, lat: number): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const t = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(t) + 0.0065, z * Math.sin(t) + 0.006];
}
/** Inverts a forward transform f by fixed-point iteration: x ← x − (f(x) − target). */
function invert(f: (lon: number, lat: number) => [number, number], lon: number, lat: number): [number, number] {
  let x = lon;
  let y = lat;
  for (let i = 0; i < 100; i++) {
    const [fx, fy] = f(x, y);
    x -= fx - lon;
    y -= fy - lat;
  }
  return [x, y];
}

const entry = (file: string, extra: Partial<LayerEntry> = {}): LayerEntry => ({ layer: 'pois', file, crs: 'gcj02', ...extra });

describe('text encodings', () => {
  it('detects UTF-8 with BOM, GBK/GB18030 and reads the Chinese header', () => {
    expect(decodeText('a', fixture('gcj02-utf8-bom.csv')).encoding).toBe('utf-8 with BOM');
    expect(decodeText('a', fixture('gcj02-gbk.csv')).encoding).toBe('gb18030');
    expect(decodeText('a', fixture('gcj02-gbk.csv')).text.split('\n')[0]).toBe('编号,名称,地址,经度,纬度');
  });

  it.each(['gcj02-gbk.csv', 'gcj02-utf8-bom.csv', 'gcj02-gb18030.tsv'])('%s gives the same three named points', async (file) => {
    const { layer, report } = await loadLayerFile(file, fixture(file), entry(file));
    expect(report.read).toBe(3);
    expect(report.loaded).toBe(3);
    expect(layer.ids).toEqual(['1', '2', '3']);
    expect((layer as PointLayer).text.name[0]).toBe('天安门');
    expect((layer as PointLayer).text['地址'][1]).toBe('北京市东城区王府井大街');
    expect(report.notes.join('\n')).toMatch(/columns '经度', '纬度'/);
  });

  it('honours "encoding": "gbk" from the manifest', async () => {
    const { layer } = await loadLayerFile('x.csv', fixture('gcj02-gbk.csv'), entry('x.csv', { encoding: 'gbk' }));
    expect((layer as PointLayer).text.name[2]).toBe('西单, 北口');
  });
});

describe('coordinate systems → WGS84', () => {
  it('moves a GCJ-02 point to within 1 m of the inverted published formula', async () => {
    // Tiananmen as AMap gives it (GCJ-02): 116.397428, 39.90923. The offset is some 500 m.
    const [refLon, refLat] = invert(wgsToGcj, 116.397428, 39.90923);
    expect(haversine(refLon, refLat, 116.397428, 39.90923)).toBeGreaterThan(300);
    const { layer } = await loadLayerFile('a.csv', fixture('gcj02-gbk.csv'), entry('a.csv'));
    const p = layer as PointLayer;
    expect(haversine(p.lon[0], p.lat[0], refLon, refLat)).toBeLessThan(1);
  });

  it('converts BD-09 and EPSG:3857 too', async () => {
    // Baidu's own default centre 116.404, 39.915 (BD-09).
    const [gLon, gLat] = invert(gcjToBd, 116.404, 39.915);
    const [bLon, bLat] = invert(wgsToGcj, gLon, gLat);
    // Web mercator: x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6 378 137 m; DC's Capitol ≈ (−77.009, 38.890).
    const R = 6378137;
    const x = -8572602.67;
    const y = 4705912.94;
    const mLon = ((x / R) * 180) / Math.PI;
    const mLat = ((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180) / Math.PI;
    const csv = (lon: number, lat: number): Uint8Array => new TextEncoder().encode(`id,lon,lat\n1,${lon},${lat}\n`);
    const bd = (await loadLayerFile('bd.csv', csv(116.404, 39.915), entry('bd.csv', { crs: 'bd09' }))).layer as PointLayer;
    expect(haversine(bd.lon[0], bd.lat[0], bLon, bLat)).toBeLessThan(1);
    const wm = (await loadLayerFile('m.csv', csv(x, y), entry('m.csv', { crs: 'epsg3857' }))).layer as PointLayer;
    expect(haversine(wm.lon[0], wm.lat[0], mLon, mLat)).toBeLessThan(0.01);
    expect(mLat).toBeCloseTo(38.8899, 6);
  });

  it('converts polygon vertices as well (a GCJ-02 square keeps its shape, shifted)', async () => {
    const gj = { type: 'Feature', properties: { id: 'sq', name: 'sq' }, geometry: { type: 'Polygon', coordinates: [[[116.39, 39.9], [116.4, 39.9], [116.4, 39.91], [116.39, 39.91], [116.39, 39.9]]] } };
    const { layer } = await loadLayerFile('sq.geojson', new TextEncoder().encode(JSON.stringify(gj)), { layer: 'districts', file: 'sq.geojson', crs: 'gcj02' });
    if (layer.kind !== 'polygon') throw new Error('expected polygons');
    const g = layer.geometries[0];
    if (g.type !== 'Polygon') throw new Error('expected a Polygon');
    const [refLon, refLat] = invert(wgsToGcj, 116.39, 39.9);
    expect(haversine(g.coordinates[0][0][0], g.coordinates[0][0][1], refLon, refLat)).toBeLessThan(1);
  });
});
