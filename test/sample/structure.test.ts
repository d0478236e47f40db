/** The committed sample city has the structure DESIGN §9 promises; checked on the files themselves. */
import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, intersect, featureCollection, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BundleManifest } from '../../src/data/bundle-manifest.ts';
import { readCsvText } from '../../src/io/read-csv.ts';

type Area = Feature<Polygon | MultiPolygon, { id: string; name: string; region?: string; population: number }>;
const dir = new URL('../../data/sample/', import.meta.url);
const text = (f: string): string => readFileSync(new URL(f, dir), 'utf8');
const areas = (f: string): Area[] => (JSON.parse(text(f)) as FeatureCollection<Polygon | MultiPolygon, Area['properties']>).features;
function csv(f: string): Record<string, string[]> {
  const t = readCsvText(f, text(f));
  return Object.fromEntries(t.columns.map((c) => [c, t.values[c].map((v) => String(v ?? ''))]));
}
const distinct = (xs: string[]): string[] => [...new Set(xs)].sort();

const regions = areas('regions.geojson');
const districts = areas('districts.geojson');
const demand = csv('demand.csv');

describe('sample city structure', () => {
  it('has a valid manifest labelled synthetic, mapping every layer', () => {
    const manifest = BundleManifest.parse(JSON.parse(text('bundle.json')));
    expect(manifest.synthetic).toBe(true);
    expect(manifest.name).toMatch(/synthetic/i);
    expect(manifest.layers.map((l) => l.layer).sort()).toEqual(
      ['candidates', 'competitors', 'demand', 'districts', 'gazetteer', 'network', 'pois', 'regions', 'transit']);
    expect(text('README.md')).toMatch(/synthetic/i);
  });

  it('has 4–6 regions and 40–60 districts, each inside the region its `region` column names', () => {
    expect(regions.length).toBeGreaterThanOrEqual(4);
    expect(regions.length).toBeLessThanOrEqual(6);
    expect(districts.length).toBeGreaterThanOrEqual(40);
    expect(districts.length).toBeLessThanOrEqual(60);
    const byId = new Map(regions.map((r) => [r.properties.id, r]));
    for (const d of districts) {
      const parent = byId.get(d.properties.region ?? '');
      expect(parent, `${d.properties.id} names region ${d.properties.region}`).toBeDefined();
      if (!parent) continue;
      expect(booleanPointInPolygon(pointOnFeature(d), parent)).toBe(true);
      const overlap = intersect(featureCollection([d, parent]));
      // Shared borders are the same vertices; 6-decimal rounding can shave at most a sliver.
      expect(overlap ? area(overlap) / area(d) : 0).toBeGreaterThan(0.9999);
    }
  });

  it('tiles each region with its districts (areas add up)', () => {
    for (const r of regions) {
      const sum = districts.filter((d) => d.properties.region === r.properties.id).reduce((s, d) => s + area(d), 0);
      expect(sum / area(r)).toBeCloseTo(1, 4);
    }
  });

  it('has integer populations summing to 2.4 million, consistent across demand, districts and regions', () => {
    const pop = demand.population.map(Number);
    expect(pop.every(Number.isInteger)).toBe(true);
    expect(pop.reduce((a, b) => a + b, 0)).toBe(2_400_000);
    expect(districts.reduce((s, d) => s + d.properties.population, 0)).toBe(2_400_000);
    for (const r of regions) {
      const sum = districts.filter((d) => d.properties.region === r.properties.id).reduce((s, d) => s + d.properties.population, 0);
      expect(r.properties.population).toBe(sum);
    }
  });

  it('is polycentric: the densest cells are spread over several centres', () => {
    // Top 2 % cells by population; more than one cluster means some are > 5 km apart.
    const order = demand.population.map((p, i) => [Number(p), i]).sort((a, b) => b[0] - a[0]).slice(0, Math.round(demand.id.length * 0.02));
    const lon = order.map(([, i]) => Number(demand.lon[i]));
    const spanKm = (Math.max(...lon) - Math.min(...lon)) * 102.8; // km per degree of longitude at 22.6° N
    expect(spanKm).toBeGreaterThan(5);
  });

  it('lies within about 30 × 30 km', () => {
    const lon = demand.lon.map(Number);
    const lat = demand.lat.map(Number);
    expect((Math.max(...lon) - Math.min(...lon)) * 102.8).toBeLessThan(30);
    expect((Math.max(...lat) - Math.min(...lat)) * 111.2).toBeLessThan(30);
  });

  it('has 4–6 competitor brands with attractiveness 1–5, and three own outlet types', () => {
    const competitors = csv('competitors.csv');
    expect(distinct(competitors.brand).length).toBeGreaterThanOrEqual(4);
    expect(distinct(competitors.brand).length).toBeLessThanOrEqual(6);
    expect(competitors.attractiveness.map(Number).every((a) => a >= 1 && a <= 5)).toBe(true);
    const network = csv('network.csv');
    expect(distinct(network.type)).toEqual(['agent', 'branch', 'self-service']);
    expect(network.attractiveness.map(Number).every((a) => a >= 1 && a <= 5)).toBe(true);
  });

  it('clusters competitors and own outlets toward demand', () => {
    // Population of the demand cell nearest each outlet, against the mean over all cells.
    const lon = demand.lon.map(Number);
    const lat = demand.lat.map(Number);
    const pop = demand.population.map(Number);
    const meanCell = pop.reduce((a, b) => a + b, 0) / pop.length;
    const nearestPop = (x: number, y: number): number => {
      let best = 0;
      let bestD = Infinity;
      for (let i = 0; i < lon.length; i++) {
        const d = (lon[i] - x) ** 2 + (lat[i] - y) ** 2;
        if (d < bestD) { bestD = d; best = i; }
      }
      return pop[best];
    };
    for (const file of ['competitors.csv', 'network.csv']) {
      const t = csv(file);
      const mean = t.lon.reduce((s, x, i) => s + nearestPop(Number(x), Number(t.lat[i])), 0) / t.lon.length;
      expect(mean / meanCell, file).toBeGreaterThan(1.5);
    }
  });

  it('has POI categories, 2–4 metro lines and bus stops', () => {
    expect(distinct(csv('pois.csv').category)).toEqual(['hospital', 'mall', 'office', 'restaurant', 'retail', 'school']);
    const transit = csv('transit.csv');
    expect(distinct(transit.mode)).toEqual(['bus', 'metro']);
    const lines = distinct(transit.line.filter((_, i) => transit.mode[i] === 'metro'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(transit.mode.filter((m) => m === 'bus').length).toBeGreaterThan(500);
  });

  it('has ~2 000 candidates with address, rent and floor area but no coordinates', () => {
    const candidates = csv('candidates.csv');
    expect(candidates.id).toHaveLength(2_000);
    expect(Object.keys(candidates)).not.toContain('lon');
    expect(Object.keys(candidates)).not.toContain('lat');
    expect(candidates.address.every((a) => /\d/.test(a))).toBe(true);
    expect(candidates.rent.map(Number).every((r) => r > 0)).toBe(true);
    expect(candidates.floor_area.map(Number).every((r) => r > 0)).toBe(true);
  });

  it('has a gazetteer of unique addresses with parts, several numbers per street', () => {
    const g = csv('gazetteer.csv');
    expect(new Set(g.address).size).toBe(g.address.length);
    expect(g.address.filter((a, i) => a !== `${g.number[i]} ${g.street[i]}`)).toEqual([]);
    expect(g.address.length / distinct(g.street).length).toBeGreaterThan(20);
    expect(g.postcode.every((p) => /^\d{6}$/.test(p))).toBe(true);
  });
});
