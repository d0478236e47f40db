/**
 * GeoTIFF rasters as demand: tiny rasters written here with geotiff's writer (values checkable by
 * eye: nodata, a negative cell, a second band, web-mercator), and the shared Coimbatore WorldPop
 * raster, whose total is checked against its own pixels summed directly and against the README's
 * figure for the 0.25 km² grid derived from it (1 579 442).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromArrayBuffer, writeArrayBuffer } from 'geotiff';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { memoryFileSource } from '../../src/io/file-source.ts';
import type { PointLayer } from '../../src/data/layer.ts';

const sum = (a: Float64Array | undefined): number => (a ?? new Float64Array()).reduce((s, x) => s + x, 0);

/** A 3 × 2 raster of 1° cells with its top-left corner at (10°E, 50°N). */
function tiny(values: number[], geo: Record<string, unknown> = { GeographicTypeGeoKey: 4326, GTModelTypeGeoKey: 2 }): Uint8Array {
  return new Uint8Array(
    writeArrayBuffer(Float32Array.from(values), {
      width: 3,
      height: 2,
      ModelPixelScale: [1, 1, 0],
      ModelTiepoint: [0, 0, 0, 10, 50, 0],
      GDAL_NODATA: '-1',
      ...geo,
    }),
  );
}

describe('GeoTIFF reader', () => {
  it('turns valid cells into demand points at cell centres, skipping nodata and negatives', async () => {
    const { layer, report } = await loadLayerFile('pop.tif', tiny([5, -1, 7, 0, -3, 2]), { layer: 'demand', file: 'pop.tif' });
    const d = layer as PointLayer;
    expect(d.ids).toEqual(['r0c0', 'r0c2', 'r1c0', 'r1c2']);
    expect(Array.from(d.lon)).toEqual([10.5, 12.5, 10.5, 12.5]);
    expect(Array.from(d.lat)).toEqual([49.5, 49.5, 48.5, 48.5]);
    expect(Array.from(d.numeric.population)).toEqual([5, 7, 0, 2]);
    expect([report.read, report.loaded, report.rejected]).toEqual([4, 4, 0]);
    expect(report.notes.join('\n')).toMatch(/1 nodata cell\(s\) skipped \(nodata = -1\)/);
    expect(report.notes.join('\n')).toMatch(/1 negative cell\(s\) skipped/);
  });

  it('reads the band and role the manifest names', async () => {
    // Two bands, band-interleaved: band 2 = band 1 × 10.
    const bytes = new Uint8Array(
      writeArrayBuffer([[[1, 2, 3], [4, 5, 6]], [[10, 20, 30], [40, 50, 60]]], {
        ModelPixelScale: [1, 1, 0],
        ModelTiepoint: [0, 0, 0, 10, 50, 0],
        GeographicTypeGeoKey: 4326,
      }),
    );
    const { layer } = await loadLayerFile('two.tif', bytes, { layer: 'demand', file: 'two.tif', band: 2 });
    expect(sum((layer as PointLayer).numeric.population)).toBe(210);
    // A role other than population: the values go to that column (here a demand weight).
    const { layer: w } = await loadLayerFile('two.tif', bytes, { layer: 'pois', file: 'two.tif', bandRole: 'visitors' });
    expect(Array.from((w as PointLayer).numeric.visitors)).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(loadLayerFile('two.tif', bytes, { layer: 'demand', file: 'two.tif', band: 3 })).rejects.toThrow(/two\.tif has 2 band\(s\), so band 3 does not exist/);
  });

  it('converts a web-mercator raster and refuses other coordinate systems with the fix', async () => {
    const merc = new Uint8Array(
      writeArrayBuffer(Float32Array.from([1, 1, 1, 1, 1, 1]), { width: 3, height: 2, ProjectedCSTypeGeoKey: 3857, GTModelTypeGeoKey: 1, ModelPixelScale: [1000, 1000, 0], ModelTiepoint: [0, 0, 0, 0, 0, 0] }),
    );
    const { layer } = await loadLayerFile('m.tif', merc, { layer: 'demand', file: 'm.tif' });
    // Cell (0, 0) has its centre at x = 500 m, y = −500 m: 500 / 6 378 137 rad east.
    expect((layer as PointLayer).lon[0]).toBeCloseTo((500 / 6378137) * (180 / Math.PI), 9);
    expect((layer as PointLayer).lat[0]).toBeLessThan(0);
    const utm = tiny([1, 1, 1, 1, 1, 1], { ProjectedCSTypeGeoKey: 32643, GTModelTypeGeoKey: 1 });
    await expect(loadLayerFile('utm.tif', utm, { layer: 'demand', file: 'utm.tif' })).rejects.toThrow(/utm\.tif is in EPSG:32643.*gdalwarp -t_srs EPSG:4326/);
  });

  it('reads only the cells inside the study area of a bundle (the regions’ extent)', async () => {
    const regions = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'r', name: 'R' }, geometry: { type: 'Polygon', coordinates: [[[11, 48], [13, 48], [13, 49], [11, 49], [11, 48]]] } }],
    };
    const files = new Map<string, Uint8Array>([
      ['bundle.json', new TextEncoder().encode(JSON.stringify({ version: 1, name: 't', layers: [{ layer: 'demand', file: 'pop.tif' }, { layer: 'regions', file: 'r.geojson' }] }))],
      ['r.geojson', new TextEncoder().encode(JSON.stringify(regions))],
      ['pop.tif', tiny([5, 6, 7, 8, 9, 10])],
    ]);
    const b = await loadBundle(memoryFileSource(files));
    // Only the bottom row's cells centred at 11.5° and 12.5° lie inside [11, 13] × [48, 49].
    expect(b.demand?.ids).toEqual(['r1c1', 'r1c2']);
    expect(sum(b.demand?.numeric.population)).toBe(19);
    expect(b.reports.map((r) => r.layer)).toEqual(['demand', 'regions']);
  });

  it('names the file in one sentence when it is not a GeoTIFF', async () => {
    await expect(loadLayerFile('bad.tif', new TextEncoder().encode('II*\0 not really'), { layer: 'demand', file: 'bad.tif' })).rejects.toThrow(/^bad\.tif is not a readable GeoTIFF/);
  });
});

describe('raster cells as polygons ("cells": "polygons")', () => {
  it('keeps each cell as its 1° square for areal sums, the points at the centres, the total the same', async () => {
    const values = [5, -1, 7, 0, -3, 2];
    const asPoints = await loadLayerFile('pop.tif', tiny(values), { layer: 'demand', file: 'pop.tif' });
    const asCells = await loadLayerFile('pop.tif', tiny(values), { layer: 'demand', file: 'pop.tif', cells: 'polygons' });
    const d = asCells.layer as PointLayer;
    expect(Array.from(d.lon)).toEqual([10.5, 12.5, 10.5, 12.5]);
    expect(Array.from(d.lat)).toEqual([49.5, 49.5, 48.5, 48.5]);
    // 5 + 7 + 0 + 2, the nodata and negative cells out, as for points.
    expect(sum(asCells.areas?.numeric.population)).toBe(14);
    expect(sum(d.numeric.population)).toBe(sum((asPoints.layer as PointLayer).numeric.population));
    // Cell r0c2 spans 12–13°E, 49–50°N.
    expect(asCells.areas?.geometries[1]).toEqual({ type: 'Polygon', coordinates: [[[12, 49], [13, 49], [13, 50], [12, 50], [12, 49]]] });
    expect(asPoints.areas).toBeUndefined();
  });

  it('a web-mercator cell becomes the lon/lat rectangle of its corners', async () => {
    const merc = new Uint8Array(
      writeArrayBuffer(Float32Array.from([1, 2]), { width: 2, height: 1, ProjectedCSTypeGeoKey: 3857, GTModelTypeGeoKey: 1, ModelPixelScale: [1000, 1000, 0], ModelTiepoint: [0, 0, 0, 0, 0, 0] }),
    );
    const { areas } = await loadLayerFile('m.tif', merc, { layer: 'demand', file: 'm.tif', cells: 'polygons' });
    const ring = areas?.geometries[1].coordinates[0] as number[][];
    const deg = (m: number): number => (m / 6378137) * (180 / Math.PI);
    // Cell (0, 1): x 1000–2000 m, y −1000–0 m.
    expect(ring[0][0]).toBeCloseTo(deg(1000), 9);
    expect(ring[1][0]).toBeCloseTo(deg(2000), 9);
    expect(ring[2][1]).toBeCloseTo(0, 9);
    expect(ring[0][1]).toBeLessThan(0);
    expect(sum(areas?.numeric.population)).toBe(3);
  });
});

describe('Coimbatore WorldPop raster', () => {
  const path = fileURLToPath(new URL('../../../shared/data/coimbatore/coimbatore_population.tif', import.meta.url));
  const bytes = new Uint8Array(readFileSync(path));

  it('loads 506 cells holding the population its own pixels sum to, nodata excluded', async () => {
    // The reference: every pixel read directly, nodata (-99999) left out.
    const img = await (await fromArrayBuffer(bytes.slice().buffer)).getImage();
    const [pixels] = (await img.readRasters()) as unknown as ArrayLike<number>[];
    let total = 0;
    let cells = 0;
    for (let i = 0; i < pixels.length; i++) {
      if (pixels[i] !== img.getGDALNoData()) {
        total += pixels[i];
        cells++;
      }
    }
    expect(cells).toBe(506);
    const { layer, report } = await loadLayerFile('coimbatore_population.tif', bytes, { layer: 'demand', file: 'coimbatore_population.tif' });
    const d = layer as PointLayer;
    expect(d.ids.length).toBe(cells);
    expect(sum(d.numeric.population)).toBeCloseTo(total, 3);
    // The 0.25 km² grid the README describes was derived from this raster: 1 579 442 people.
    expect(sum(d.numeric.population)).toBeCloseTo(1579442, -1);
    expect(report.notes.join('\n')).toMatch(/250 nodata cell\(s\) skipped/);
    expect([report.read, report.loaded, report.rejected]).toEqual([506, 506, 0]);
  });
});
