/**
 * Coimbatore and Porto Alegre bundles (test/fixtures/<city>/bundle.json → ../shared/data/<city>).
 * Reference figures: ../shared/data/README.md and SOURCES.txt, which were counted with other
 * tools (grid population 1 579 442; EPTC 3 986 stops; the OSM extract's 43 264 nodes and
 * 16 032 ways, with one amenity=bank and one amenity=atm node).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { decodeOsmPbf } from '../../src/io/osm-pbf-decode.ts';

const fixture = (city: string): string => fileURLToPath(new URL(`../fixtures/${city}/`, import.meta.url));
const shared = (p: string): string => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url));
const sum = (a: Float64Array | undefined): number => (a ?? new Float64Array()).reduce((s, x) => s + x, 0);

describe('Coimbatore', async () => {
  const b = await loadBundleDir(fixture('coimbatore'));

  it('reduces the 1 802 grid cells to demand points holding 1 579 442 people', () => {
    expect(b.demand?.ids.length).toBe(1802);
    expect(sum(b.demand?.numeric.population)).toBeCloseTo(1579442.03, 1);
    expect(b.demandAreas?.geometries.length).toBe(1802);
    for (const r of b.reports) expect(r.loaded + r.rejected).toBe(r.read);
  });

  it('puts each cell centroid inside its own 0.25 km² cell (≈ 0.0045° across)', () => {
    const d = b.demand;
    const areas = b.demandAreas;
    if (!d || !areas) throw new Error('demand not loaded');
    for (let i = 0; i < d.ids.length; i += 97) {
      const g = areas.geometries[i];
      const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      expect(d.lon[i]).toBeGreaterThan(Math.min(...xs));
      expect(d.lon[i]).toBeLessThan(Math.max(...xs));
      expect(d.lat[i]).toBeGreaterThan(Math.min(...ys));
      expect(d.lat[i]).toBeLessThan(Math.max(...ys));
    }
  });

  it('takes the city outline as the one region, with the id bundle.json gives it', () => {
    expect(b.regions?.ids).toEqual(['coimbatore']);
    expect(b.regions?.names).toEqual(['Expanded Coimbatore City Boundary']);
  });

  it('loads 122 banks and 138 ATMs as competitors', () => {
    const type = b.competitors?.text.type ?? [];
    expect(type.filter((t) => t === 'bank').length).toBe(122);
    expect(type.filter((t) => t === 'atm').length).toBe(138);
  });
});

describe('Porto Alegre', async () => {
  const b = await loadBundleDir(fixture('porto-alegre'));
  const report = (file: string) => b.reports.find((r) => r.file.endsWith(file));

  it('reads every stop of the two GTFS feeds', () => {
    // Independent count: non-empty lines of each stops.txt minus its header. EPTC has 3 986.
    // Trensurb has 24 records (22 train stations + the 2 Aeromóvel stations ATR and ASG); its
    // last line has no newline, which is why a `wc -l` count (and the README) says 23.
    const lines = (zip: string): number => {
      const files = unzipSync(new Uint8Array(readFileSync(shared(`porto-alegre/${zip}`))), { filter: (f) => f.name === 'stops.txt' });
      return new TextDecoder().decode(files['stops.txt']).split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
    };
    expect(lines('poa_eptc.zip')).toBe(3986);
    expect(lines('poa_trensurb.zip')).toBe(24);
    expect(report('poa_eptc.zip')?.loaded).toBe(3986);
    expect(report('poa_trensurb.zip')?.loaded).toBe(24);
    // Modes come from the feeds' routes: EPTC's are all route_type 3 (bus) and every stop is in
    // stop_times.txt (3 986 distinct stop_ids there); Trensurb's two routes are route_type 2 (rail).
    const mode = b.transit?.text.mode ?? [];
    expect(mode.filter((m) => m === 'bus').length).toBe(3986);
    expect(mode.filter((m) => m === 'rail').length).toBe(24);
    // Estação Mercado, from its stops.txt row: -30.0262849537, -51.2282682008
    const i = b.transit?.ids.indexOf('MR') ?? -1;
    expect(b.transit?.lat[i]).toBeCloseTo(-30.0262849537, 9);
    expect(b.transit?.lon[i]).toBeCloseTo(-51.2282682008, 9);
  });

  it('decodes the OSM extract completely (43 264 nodes, 16 032 ways, per SOURCES.txt)', () => {
    let nodes = 0;
    let ways = 0;
    decodeOsmPbf(new Uint8Array(readFileSync(shared('porto-alegre/poa_osm.pbf'))), { node: () => nodes++, way: () => ways++ }, { ways: true });
    expect(nodes).toBe(43264);
    expect(ways).toBe(16032);
  });

  it('finds the bank and the ATM node inside the extract bounds', () => {
    // This extract's header declares no bbox, so its bounds are the extent of all its nodes.
    let header: unknown = null;
    const box = { west: Infinity, east: -Infinity, north: -Infinity, south: Infinity };
    let banks = 0;
    let atms = 0;
    decodeOsmPbf(
      new Uint8Array(readFileSync(shared('porto-alegre/poa_osm.pbf'))),
      {
        node: (_id, lon, lat, tags) => {
          box.west = Math.min(box.west, lon);
          box.east = Math.max(box.east, lon);
          box.south = Math.min(box.south, lat);
          box.north = Math.max(box.north, lat);
          if (tags?.amenity === 'bank') banks++;
          if (tags?.amenity === 'atm') atms++;
        },
        way: () => undefined,
        bounds: (b) => (header = b),
      },
      { ways: false },
    );
    expect(header).toBeNull();
    expect([banks, atms]).toEqual([1, 1]);
    const c = b.competitors;
    expect(c?.ids.length).toBe(2);
    expect(c?.text.type.slice().sort()).toEqual(['atm', 'bank']);
    expect(c?.text.name).toContain('Banco do Brasil Foro Trabalhista');
    // The extract is around central Porto Alegre (≈ −51.2, −30.05); each found node lies within it.
    expect(box.west).toBeGreaterThan(-51.3);
    expect(box.east).toBeLessThan(-51.1);
    expect(box.south).toBeGreaterThan(-30.2);
    expect(box.north).toBeLessThan(-29.9);
    for (let i = 0; i < (c?.ids.length ?? 0); i++) {
      expect(c?.lon[i]).toBeGreaterThanOrEqual(box.west);
      expect(c?.lon[i]).toBeLessThanOrEqual(box.east);
      expect(c?.lat[i]).toBeGreaterThanOrEqual(box.south);
      expect(c?.lat[i]).toBeLessThanOrEqual(box.north);
    }
  });

  it('loads the hexgrid demand (1 227 cells, 812 935 people per SOURCES.txt)', () => {
    expect(b.demand?.ids.length).toBe(1227);
    expect(sum(b.demand?.numeric.population)).toBe(812935);
  });
});
