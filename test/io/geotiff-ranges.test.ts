/**
 * Cloud-Optimised GeoTIFFs read by byte range: only the header and the tiles under the study area.
 *
 * test/io/fixtures/cog-tiles-64.tif: 256 × 256 cells of 0.001° from (10°E, 0.256°N) down and right,
 * 64 × 64 tiles, uncompressed bytes, made with GDAL 3.6 from an ASCII grid in which every cell of tile
 * (row i, column j) holds 4i + j + 1, except tile (3, 3), which is nodata (0):
 *   gdal_translate -of COG -a_srs EPSG:4326 -ot Byte -co BLOCKSIZE=64 -co COMPRESS=NONE -co OVERVIEWS=NONE grid.asc cog-tiles-64.tif
 * So a region drawn exactly over tile (1, 2) — 10.128–10.192°E, 0.128–0.192°N — holds 64 × 64 cells
 * of 7 people: 28 672; the whole raster 4 096 × (1 + … + 15) = 491 520 in 15 × 4 096 cells.
 * Served over HTTP by a server here that answers Range with 206 (or ignores it, answering 200).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { nodeFileSource } from '../../src/node/file-source.ts';
import { fetchFileSource, memoryFileSource } from '../../src/io/file-source.ts';
import type { LoadedBundle } from '../../src/data/layer.ts';

const cog = fileURLToPath(new URL('fixtures/cog-tiles-64.tif', import.meta.url));
const size = statSync(cog).size;
const temp = mkdtempSync(path.join(tmpdir(), 'siteselect-cog-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const sum = (a: Float64Array | undefined): number => (a ?? new Float64Array()).reduce((s, x) => s + x, 0);
const square = (w: number, s: number, e: number, n: number): number[][][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

function bundleFiles(withRegion: boolean): Map<string, string> {
  const layers = [{ layer: 'demand', file: 'cog-tiles-64.tif' }];
  const files = new Map<string, string>();
  if (withRegion) {
    layers.unshift({ layer: 'regions', file: 'region.geojson' });
    files.set('region.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'T12', name: 'tile 1,2' }, geometry: { type: 'Polygon', coordinates: square(10.128, 0.128, 10.192, 0.192) } }] }));
  }
  files.set('bundle.json', JSON.stringify({ version: 1, name: 'cog', layers }));
  return files;
}

/** "read by range: 5,120 bytes asked for, of 66,334 in the file" from the demand layer's notes. */
function rangeRead(b: LoadedBundle): { read: number; of: number } {
  const note = b.reports.find((r) => r.layer === 'demand')?.notes.find((n) => n.startsWith('read by range'));
  const m = /read by range: ([\d,]+) bytes asked for, of ([\d,]+) in the file/.exec(note ?? '');
  if (!m) throw new Error(`no range note in ${JSON.stringify(b.reports.map((r) => r.notes))}`);
  return { read: Number(m[1].replaceAll(',', '')), of: Number(m[2].replaceAll(',', '')) };
}

describe('COG range reads', () => {
  it('a file on disk: only the tile under the region is read, a fraction of the file', async () => {
    const dir = mkdtempSync(path.join(temp, 'disk-'));
    for (const [name, text] of bundleFiles(true)) writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, 'cog-tiles-64.tif'), readFileSync(cog));
    const b = await loadBundle(nodeFileSource(dir));
    expect(b.demand?.ids.length).toBe(4096);
    expect(sum(b.demand?.numeric.population)).toBe(28672);
    const { read, of } = rangeRead(b);
    expect(of).toBe(size);
    // The 4 096-byte tile plus the header and tile tables, well under the whole file (66 KB).
    expect(read).toBeGreaterThanOrEqual(4096);
    expect(read).toBeLessThan(size / 4);
  });

  it('without a study area every tile is read: 15 tiles of values, one of nodata', async () => {
    const files = new Map([...bundleFiles(false)].map(([k, v]) => [k, new TextEncoder().encode(v)]));
    files.set('cog-tiles-64.tif', new Uint8Array(readFileSync(cog)));
    const b = await loadBundle(memoryFileSource(files));
    expect(b.demand?.ids.length).toBe(15 * 4096);
    expect(sum(b.demand?.numeric.population)).toBe(491520);
    expect(b.reports[0].notes.join('\n')).toMatch(/4096 nodata cell\(s\) skipped \(nodata = 0\)/);
    expect(rangeRead(b).read).toBeGreaterThanOrEqual(16 * 4096);
  });

  it('a bundle served over HTTP: by Range requests where the server answers 206, whole where it ignores Range', async () => {
    const files = new Map([...bundleFiles(true)].map(([k, v]) => [`/${k}`, Buffer.from(v)]));
    files.set('/cog-tiles-64.tif', readFileSync(cog));
    for (const honoursRange of [true, false]) {
      let rasterRequests = 0;
      let rasterBytesSent = 0;
      const server: Server = createServer((req, res) => {
        const body = files.get(req.url ?? '');
        if (!body) return void res.writeHead(404).end();
        const send = (status: number, part: Buffer, headers: Record<string, string | number> = {}): void => {
          if (req.url === '/cog-tiles-64.tif' && req.method === 'GET') {
            rasterRequests++;
            rasterBytesSent += part.length;
          }
          res.writeHead(status, { 'Content-Length': part.length, ...headers }).end(req.method === 'HEAD' ? undefined : part);
        };
        const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
        if (!honoursRange || !range) return send(200, body);
        const [from, to] = [Number(range[1]), Math.min(body.length - 1, Number(range[2]))];
        send(206, body.subarray(from, to + 1), { 'Content-Range': `bytes ${from}-${to}/${body.length}` });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const b = await loadBundle(fetchFileSource(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
        expect(sum(b.demand?.numeric.population)).toBe(28672);
        expect(rangeRead(b).of).toBe(size);
        if (honoursRange) {
          expect(rasterRequests).toBeGreaterThan(1);
          expect(rasterBytesSent).toBeLessThan(size / 4);
        } else {
          // The probe's answer is the whole file: one request, then read from memory.
          expect(rasterRequests).toBe(1);
          expect(rasterBytesSent).toBe(size);
        }
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });
});
