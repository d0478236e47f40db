/**
 * `siteselect init --osm`: a city from one OpenStreetMap extract.
 *
 * test/fixtures/osm/tiny-city.osm is drawn by hand on a 0.001° grid at the equator (read it: every
 * coordinate is there) and tiny-city.osm.pbf is `osmium cat tiny-city.osm -o tiny-city.osm.pbf`.
 * Areas are worked out on paper on the project's sphere: one square of 0.001° is
 * u = (0.001 · π/180 · 6 371 008.8 m)² = 12 364.5 m² (cos 0.02° ≈ 1 − 6e-8), and `osmium export`
 * of the same file gives the same areas to 0.1 m².
 *
 * The real extract ../shared/data/porto-alegre/poa_osm.pbf holds no administrative boundary; its
 * feature counts below were counted with osmium 1.15, independently of our PBF reader:
 *   osmium tags-filter -R poa_osm.pbf nw/highway=bus_stop nw/railway=station,halt,tram_stop,subway_entrance nw/public_transport=station  → 1 072 (1 066 nodes, 6 ways)
 *   osmium tags-filter -R poa_osm.pbf nw/amenity=bank,atm                                  → 2 nodes
 *   osmium tags-filter -R poa_osm.pbf nw/shop nw/amenity=restaurant,cafe,fast_food,pharmacy,marketplace,post_office → 10 nodes
 *   osmium tags-filter -R poa_osm.pbf w/building r/building                                → 12 closed ways + 7 multipolygons
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { nodeFileSource } from '../../src/node/file-source.ts';
import { readOsmPbf } from '../../src/io/read-osm-pbf.ts';
import type { BundleManifest } from '../../src/data/bundle-manifest.ts';

const fixtures = realpathSync(fileURLToPath(new URL('../fixtures/osm/', import.meta.url)));
const tinyPbf = path.join(fixtures, 'tiny-city.osm.pbf');
const scenario = path.join(fixtures, 'bank-scenario.json');
const poa = realpathSync(fileURLToPath(new URL('../../../shared/data/porto-alegre', import.meta.url)));
const temp = mkdtempSync(path.join(tmpdir(), 'siteselect-init-osm-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const u = (0.001 * Math.PI / 180 * 6371008.8) ** 2;
const sum = (a: ArrayLike<number> | undefined): number => Array.from(a ?? []).reduce((s, x) => s + x, 0);

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const before = process.env.SITESELECT_DATA_ROOTS;
  if (env.SITESELECT_DATA_ROOTS) process.env.SITESELECT_DATA_ROOTS = env.SITESELECT_DATA_ROOTS;
  try {
    const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stderrIsTTY: false, cwd: temp });
    return { code, out, err };
  } finally {
    if (before === undefined) delete process.env.SITESELECT_DATA_ROOTS;
    else process.env.SITESELECT_DATA_ROOTS = before;
  }
}

describe('OSM areas and brands from the hand-drawn extract', () => {
  const bytes = new Uint8Array(readFileSync(tinyPbf));

  it('assembles the two admin_level 4 relations from shared, reversed ways: 0.02° × 0.01° each', () => {
    const t = readOsmPbf('tiny', bytes, 'regions', { admin_level: ['4'] });
    expect(t.values.name).toEqual(['North', 'South']);
    for (const a of t.values.area_m2) expect(Number(a) / (200 * u)).toBeCloseTo(1, 4);
    expect(t.geometry?.map((g) => g?.type)).toEqual(['Polygon', 'Polygon']);
  });

  it('districts: a hole, two outers, a tagged closed way, and a boundary cut by the edge rejected with why', () => {
    const t = readOsmPbf('tiny', bytes, 'districts', { admin_level: ['8'] });
    // way/211 is Centro's outer tagged admin_level=8 itself: the relation stands for it, once.
    expect(t.values.id).toEqual(['way/215', 'relation/311', 'relation/312', 'relation/313']);
    const area = t.values.area_m2.map(Number);
    expect(area[0] / (200 * u)).toBeCloseTo(1, 4); // Sul: 20 × 10 squares
    expect(area[1] / ((100 - 4) * u)).toBeCloseTo(1, 4); // Centro: 10 × 10 less a 2 × 2 hole
    expect(area[2] / (2 * 8 * 3 * u)).toBeCloseTo(1, 4); // Leste: two 8 × 3 outers
    expect(t.geometry?.[2]?.type).toBe('MultiPolygon');
    expect(t.geometry?.[3]).toBeNull();
    expect(t.rowErrors?.[3]?.params).toEqual({ osmId: 'relation/313', missingWays: 1, openWays: 1 });
    expect(t.rowErrors?.[3]?.reason).toMatch(/relation\/313 has no closed ring \(1 member ways are not in the extract; 1 member ways do not close into a ring\)/);
  });

  it('buildings as demand: floor area = footprint × building:levels (1 when untagged), holes left out', () => {
    const t = readOsmPbf('tiny', bytes, 'demand');
    // 1×1 × 3 levels, 1×0.5 × 1, the bank's 0.5×0.5 × 2, a 2×2 multipolygon less its 1×1 hole × 4; the node building has no footprint.
    expect(t.values.id).toEqual(['way/221', 'way/231', 'way/232', 'relation/321']);
    expect(sum(t.values.floor_area_m2.map(Number)) / ((3 + 0.5 + 0.5 + 12) * u)).toBeCloseTo(1, 4);
    expect(t.notes.join('\n')).toMatch(/proxy .* not a head count/);
  });

  it('--own-brand splits banks by brand, operator or name, case and accents ignored', () => {
    const own = readOsmPbf('tiny', bytes, 'network', undefined, 'ownbank');
    expect(own.values.id).toEqual(['node/30', 'node/31', 'node/32']); // brand, operator, name "ÓWNBANK Sul"
    expect(own.values.outlet_type).toEqual(['branch', 'self-service', 'branch']);
    const rivals = readOsmPbf('tiny', bytes, 'competitors', undefined, 'ownbank');
    expect(rivals.values.osm_brand).toEqual(['Rival', 'Rival', 'Third']); // Third's bank is a building: its centre
    expect(readOsmPbf('tiny', bytes, 'competitors').rowCount).toBe(6);
  });
});

describe('siteselect init --osm', () => {
  it('writes a bundle of the hand-drawn city that validates and scores without edits', async () => {
    const manifest = path.join(temp, 'tiny.json');
    const init = await run(['init', '--osm', tinyPbf, '--own-brand', 'OwnBank', '--out', manifest, '--yes']);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/admin levels in the extract \(whole areas\): 4: 2, 8: 3 \(\+1 cut\)/);
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as BundleManifest;
    expect(m.layers.map((l) => l.layer)).toEqual(['regions', 'districts', 'demand', 'network', 'competitors', 'pois', 'transit']);
    expect(m.attribution).toMatch(/building floor area .* a proxy for population/);

    const b = await loadBundle(nodeFileSource(temp, { alsoInside: [fixtures] }), { manifestPath: 'tiny.json' });
    expect(b.regions?.names).toEqual(['North', 'South']);
    expect(b.districts?.names).toEqual(['Sul', 'Centro', 'Leste']);
    expect(b.reports.find((r) => r.layer === 'districts')).toMatchObject({ read: 4, loaded: 3, rejected: 1 });
    expect(sum(b.demand?.numeric.population) / (16 * u)).toBeCloseTo(1, 4);
    expect(b.network?.text.type).toEqual(['branch', 'self-service', 'branch']);
    expect(b.competitors?.ids.length).toBe(3);
    expect(b.pois?.text.category).toEqual(['supermarket', 'restaurant', 'pharmacy']);
    expect(b.transit?.text.mode).toEqual(['bus', 'bus', 'rail']);
    for (const r of b.reports) expect(r.loaded + r.rejected).toBe(r.read);

    // a: in Centro's hole; b: on Rival's ATM in Sul; c: in Centro beside the station.
    const candidates = path.join(temp, 'tiny-candidates.csv');
    writeFileSync(candidates, 'id,lon,lat\na,0.005,0.015\nb,0.015,0.005\nc,0.0085,0.0105\n');
    const out = path.join(temp, 'tiny-scores.csv');
    const score = await run(['score', manifest, '--scenario', scenario, '--candidates', candidates, '--out', out], { SITESELECT_DATA_ROOTS: fixtures });
    expect(score.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (name: string): number => rows[0].indexOf(name);
    const byId = new Map(rows.slice(1).map((r) => [r[col('id')], r]));
    // a lies in North but in no district (Centro's hole): inside the study area (the regions), so scored with no district.
    expect(byId.get('a')?.[col('region_name')]).toBe('North');
    expect(byId.get('a')?.[col('district_name')]).toBe('');
    expect(byId.get('b')?.[col('district_name')]).toBe('Sul');
    expect(byId.get('c')?.[col('district_name')]).toBe('Centro');
    // Within 800 m of b: Rival's ATM (0 m), Third's bank (≈ 430 m), Rival's bank (≈ 778 m).
    expect(byId.get('b')?.[col('competition_raw')]).toBe('3');
  }, 60_000);

  it('--admin-levels picks the levels: 8 as regions alone', async () => {
    const manifest = path.join(temp, 'tiny-8.json');
    expect((await run(['init', '--osm', tinyPbf, '--admin-levels', '8', '--out', manifest, '--yes'])).code).toBe(0);
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as BundleManifest;
    expect(m.layers.find((l) => l.layer === 'regions')?.osmTags).toEqual({ admin_level: ['8'] });
    expect(m.layers.some((l) => l.layer === 'districts')).toBe(false);
    // Without --own-brand every bank is a competitor.
    expect(m.layers.some((l) => l.layer === 'network')).toBe(false);
  });

  it('Porto Alegre: the counts osmium gives, no boundaries said plainly, and the hexgrid as demand scores the 15 landmarks', async () => {
    const manifest = path.join(temp, 'poa.json');
    const init = await run(['init', '--osm', path.join(poa, 'poa_osm.pbf'), '--population', path.join(poa, 'poa_hexgrid.csv'), '--own-brand', 'Banco do Brasil', '--out', manifest, '--yes']);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/regions: the extract holds no administrative boundaries/);
    const b = await loadBundle(nodeFileSource(temp, { alsoInside: [poa] }), { manifestPath: 'poa.json' });
    expect(b.regions).toBeUndefined();
    expect(b.transit?.ids.length).toBe(1072);
    expect(b.pois?.ids.length).toBe(10);
    expect((b.network?.ids.length ?? 0) + (b.competitors?.ids.length ?? 0)).toBe(2);
    expect(b.network?.text.brand).toEqual(['Banco do Brasil']);
    // SOURCES.txt: 1 227 cells, population 812 935.
    expect(b.demand?.ids.length).toBe(1227);
    expect(sum(b.demand?.numeric.population)).toBe(812935);
    const out = path.join(temp, 'poa-scores.csv');
    const score = await run(['score', manifest, '--scenario', scenario, '--candidates', path.join(poa, 'poa_points_of_interest.csv'), '--out', out], { SITESELECT_DATA_ROOTS: poa });
    expect(score.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(16);

    const buildings = readOsmPbf('poa', new Uint8Array(readFileSync(path.join(poa, 'poa_osm.pbf'))), 'demand');
    expect(buildings.values.id.filter((id) => String(id).startsWith('way/')).length).toBe(12);
    expect(buildings.values.id.filter((id) => String(id).startsWith('relation/')).length).toBe(7);
  }, 60_000);

  it('refuses a folder beside --osm and the OSM options without it', async () => {
    expect((await run(['init', poa, '--osm', 'x.pbf'])).err).toMatch(/with --osm, name no folder/);
    expect((await run(['init', poa, '--own-brand', 'X'])).err).toMatch(/--own-brand only applies with --osm/);
    expect((await run(['init', '--osm', 'x.pbf', '--admin-levels', 'four'])).err).toMatch(/--admin-levels takes one or two admin_level numbers/);
  });
});
