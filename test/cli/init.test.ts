/**
 * `siteselect init` on the shared Washington DC folder (read-only, so the manifest goes to a temp
 * folder with paths back to the data): the proposal must load and score without edits — wards as
 * regions, tracts as demand (P0010001 summing to the 2010 census count 601 723, ../shared/data/
 * README.md), bank branches as competitors — and never overwrite a manifest unasked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromArrayBuffer } from 'geotiff';
import { main } from '../../src/cli/main.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { nodeFileSource } from '../../src/node/file-source.ts';
import type { BundleManifest } from '../../src/data/bundle-manifest.ts';

const dc = realpathSync(fileURLToPath(new URL('../../../shared/data/dc', import.meta.url)));
const scenario = fileURLToPath(new URL('../fixtures/dc-bank-scenario.json', import.meta.url));
const temp = mkdtempSync(path.join(tmpdir(), 'siteselect-init-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stderrIsTTY: false, cwd: temp });
  return { code, out, err };
}

describe('siteselect init', () => {
  const manifestPath = path.join(temp, 'bundle.json');

  it('proposes wards, tracts and banks for the DC folder and writes them with --yes', async () => {
    const { code, out } = await run(['init', dc, '--out', manifestPath, '--yes', '--name', 'DC']);
    expect(code).toBe(0);
    expect(out).toMatch(/regions\s+\S*ward-2012\.geojson/);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BundleManifest;
    const byLayer = new Map(manifest.layers.map((l) => [l.layer, l]));
    expect(byLayer.get('regions')?.file).toMatch(/\/dc\/ward-2012\.geojson$/);
    expect(byLayer.get('demand')).toMatchObject({ polygons: 'centroid', columns: { id: 'GEOID', population: 'P0010001' } });
    expect(byLayer.get('demand')?.file).toMatch(/\/dc\/census-tracts-2010\.geojson$/);
    expect(byLayer.get('competitors')?.file).toMatch(/\/dc\/bank-locations\.geojson$/);
    // Paths are relative to the manifest's folder.
    expect(path.isAbsolute(byLayer.get('regions')?.file ?? '/')).toBe(false);
  });

  it('loads without edits: 8 wards, 179 tracts holding 601 723 people, 233 bank branches', async () => {
    const b = await loadBundle(nodeFileSource(temp, { alsoInside: [dc] }));
    expect(b.regions?.ids.length).toBe(8);
    expect(b.demand?.ids.length).toBe(179);
    expect((b.demand?.numeric.population ?? new Float64Array()).reduce((s, x) => s + x, 0)).toBe(601723);
    expect(b.competitors?.ids.length).toBe(233);
    for (const r of b.reports) expect(r.loaded + r.rejected).toBe(r.read);
  });

  it('scores the proposed bundle’s candidates with the DC scenario', async () => {
    const before = process.env.SITESELECT_DATA_ROOTS;
    process.env.SITESELECT_DATA_ROOTS = dc;
    try {
      const out = path.join(temp, 'scores.csv');
      const { code, err } = await run(['score', manifestPath, '--scenario', scenario, '--out', out]);
      expect(err).not.toMatch(/error/i);
      expect(code).toBe(0);
      // 324 retail sites, all placed (they are points), plus the header.
      expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(325);
    } finally {
      if (before === undefined) delete process.env.SITESELECT_DATA_ROOTS;
      else process.env.SITESELECT_DATA_ROOTS = before;
    }
  }, 60_000);

  it('proposes Coimbatore’s WorldPop raster as demand and reads transit modes from the OSM highway tag', async () => {
    const cbe = realpathSync(fileURLToPath(new URL('../../../shared/data/coimbatore', import.meta.url)));
    const out = path.join(temp, 'cbe.json');
    expect((await run(['init', cbe, '--out', out, '--yes'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(out, 'utf8')) as BundleManifest;
    const byLayer = new Map(manifest.layers.map((l) => [l.layer, l]));
    expect(byLayer.get('demand')?.file).toMatch(/coimbatore_population\.tif$/);
    expect(byLayer.get('regions')?.file).toMatch(/coimbatore_boundary_clean\.geojson$/);
    expect(byLayer.get('transit')?.columns?.mode).toBe('highway');
    const b = await loadBundle(nodeFileSource(temp, { alsoInside: [cbe], folderName: 'the manifest folder' }), { manifestPath: 'cbe.json' });
    // The boundary spans 76.868–77.086°E, 10.915–11.133°N; cell centres are 76.8654 + (c + ½)/120 and
    // 11.1413 − (r + ½)/120, so columns 0–25 and rows 1–26 fall inside: the window read.
    const report = b.reports.find((r) => r.layer === 'demand');
    expect(report?.notes.join('\n')).toMatch(/windowed to the study area: columns 0–25, rows 1–26 of 27 × 28/);
    const img = await (await fromArrayBuffer(new Uint8Array(readFileSync(path.join(cbe, 'coimbatore_population.tif'))).buffer)).getImage();
    const [pixels] = (await img.readRasters({ window: [0, 1, 26, 27] })) as unknown as ArrayLike<number>[];
    expect(b.demand?.ids.length).toBe(Array.from(pixels).filter((v) => v !== img.getGDALNoData()).length);
    const modes = new Set(b.transit?.text.mode);
    expect(modes.has('bus')).toBe(true);
  });

  it('never overwrites a manifest without --force, and writes nothing unasked without --yes', async () => {
    const other = path.join(temp, 'other.json');
    writeFileSync(other, '{"keep": true}');
    const refused = await run(['init', dc, '--out', other, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/exists; pass --force/);
    expect(readFileSync(other, 'utf8')).toBe('{"keep": true}');
    const asked = await run(['init', dc, '--out', path.join(temp, 'new.json')]);
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/Nothing written; run again with --yes/);
    const forced = await run(['init', dc, '--out', other, '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/"version": 1/);
  }, 60_000);
});
