/**
 * The DC open-data bundle (test/fixtures/dc/bundle.json → ../shared/data/dc) loads completely.
 * Expected figures are from ../shared/data/README.md (2010 census count 601 723; 324 retail
 * sites; 233 bank branches; 40 metro stations) and from counting features in the files.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const dir = fileURLToPath(new URL('../fixtures/dc/', import.meta.url));
const bundle = await loadBundleDir(dir);
const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);

describe('DC bundle', () => {
  it('reports loaded + rejected = read for every file, with nothing rejected in this clean data', () => {
    for (const r of bundle.reports) {
      expect(r.loaded + r.rejected).toBe(r.read);
      expect(r.rejected, `${r.file}: ${JSON.stringify(r.rejects.slice(0, 2))}`).toBe(0);
    }
  });

  it('has the 8 wards as regions with their names', () => {
    expect(bundle.regions?.ids.slice().sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(bundle.regions?.names).toContain('Ward 6');
  });

  it('sums tract population to the 2010 census count, 601 723, as districts and as demand', () => {
    expect(bundle.districts?.ids.length).toBe(179);
    expect(sum(bundle.districts?.numeric.population ?? new Float64Array())).toBe(601723);
    expect(bundle.demand?.ids.length).toBe(179);
    expect(sum(bundle.demand?.numeric.population ?? new Float64Array())).toBe(601723);
    expect(bundle.demandAreas?.geometries.length).toBe(179);
  });

  it('places each demand centroid inside DC (lon −77.12…−76.90, lat 38.79…39.00)', () => {
    const d = bundle.demand;
    expect(d).toBeDefined();
    for (let i = 0; i < (d?.ids.length ?? 0); i++) {
      expect(d?.lon[i]).toBeGreaterThan(-77.12);
      expect(d?.lon[i]).toBeLessThan(-76.9);
      expect(d?.lat[i]).toBeGreaterThan(38.79);
      expect(d?.lat[i]).toBeLessThan(39.0);
    }
  });

  it('loads 233 bank branches with their brand, 40 metro + 150 circulator stops, 324 candidates', () => {
    expect(bundle.competitors?.ids.length).toBe(233);
    expect(bundle.competitors?.text.brand[0]).toBe('National Capital Bank of Washington - Capitol Hill');
    const mode = bundle.transit?.text.mode ?? [];
    expect(mode.filter((m) => m === 'metro').length).toBe(40);
    expect(mode.filter((m) => m === 'bus').length).toBe(150);
    expect(bundle.candidates?.ids.length).toBe(324);
    expect(bundle.candidates?.text.name[0]).toBe('Shepherd Park Plaza');
    expect(bundle.candidates?.text.address[0]).toBe('7814 Georgia Avenue NW');
    expect(bundle.candidates?.numeric.WARD[0]).toBe(4);
  });

  it('takes the POI category from TYPE (921 restaurants) and adds the 48 grocery stores', () => {
    const cat = bundle.pois?.text.category ?? [];
    expect(cat.length).toBe(2012 + 48);
    expect(cat.filter((c) => c === 'Restaurant').length).toBe(921);
    expect(cat.filter((c) => c === 'grocery').length).toBe(48);
  });

  it('keeps the rent column, with "n/a" rents as missing (NaN) and a note saying so', () => {
    const rent = bundle.candidates?.numeric.rent ?? new Float64Array();
    expect(rent.length).toBe(324);
    const report = bundle.reports.find((r) => r.layer === 'candidates');
    expect(report?.notes.join(' ')).toMatch(/RENTALRATE.*not numbers/);
    expect(Array.from(rent).some(Number.isNaN)).toBe(true);
  });
});
