/**
 * Real-data check of point-in-polygon: DC's 324 retail sites carry their own WARD attribute, an
 * independent record of which 2012 ward each one is in. Read straight from the GeoJSON files so the
 * check does not depend on the loader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Point } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, LoadedBundle, PolygonLayer } from '../../src/data/layer.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import { assignPointsToPolygons } from '../../src/geo/containment.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const dc = (file: string): FeatureCollection =>
  JSON.parse(readFileSync(new URL(`../../../shared/data/dc/${file}`, import.meta.url), 'utf8')) as FeatureCollection;

const wards = dc('ward-2012.geojson');
const sites = dc('retail-sites.geojson');
const wardNumbers = wards.features.map((f) => String(f.properties?.WARD));
const siteLon = Float64Array.from(sites.features, (f) => (f.geometry as Point).coordinates[0]);
const siteLat = Float64Array.from(sites.features, (f) => (f.geometry as Point).coordinates[1]);
const siteWard = sites.features.map((f) => String(f.properties?.WARD));

describe('DC retail sites in their wards', () => {
  // The sites were recorded 2004–2010, before the 2012 redistricting, and a few WARD values are simply
  // wrong (3343 Prospect Street NW, Georgetown, says ward 3; every ward map puts it in ward 2). Brute-force
  // Turf over all wards gives: 308 / 324 agree on the 2012 wards, 317 / 324 on the 2002 wards the
  // attribute was recorded against. So 99% is out of reach for any correct test; the exact check is
  // agreement with brute force, and the attribute check uses the measured rates.
  const wards2002 = dc('wards-by-population-2002.geojson');

  it('agrees with brute-force booleanPointInPolygon for all 324 sites on both ward maps', () => {
    expect(sites.features.length).toBe(324);
    for (const fc of [wards, wards2002]) {
      const geometries = fc.features.map((f) => f.geometry as AreaGeometry);
      const assigned = assignPointsToPolygons(siteLon, siteLat, geometries);
      const brute = siteWard.map((_, i) => geometries.findIndex((g) => booleanPointInPolygon([siteLon[i], siteLat[i]], g)));
      expect(Array.from(assigned)).toEqual(brute);
    }
  });

  it('puts ≥ 97.5% of sites in the 2002 ward their WARD attribute names, ≥ 95% for 2012 wards', () => {
    const agreement = (fc: FeatureCollection, key: string): number => {
      const numbers = fc.features.map((f) => String(f.properties?.[key]));
      const assigned = assignPointsToPolygons(siteLon, siteLat, fc.features.map((f) => f.geometry as AreaGeometry));
      return siteWard.filter((ward, i) => assigned[i] >= 0 && numbers[assigned[i]] === ward).length / 324;
    };
    expect(agreement(wards2002, 'WARD_ID')).toBeGreaterThanOrEqual(0.975); // 317 / 324 = 0.978
    expect(agreement(wards, 'WARD')).toBeGreaterThanOrEqual(0.95); // 308 / 324 = 0.951
  });

  it('links tracts to wards and sites to wards through their tract keeping the ward agreement', () => {
    const tracts = dc('census-tracts-2010.geojson');
    const layer = (name: 'regions' | 'districts', fc: FeatureCollection): PolygonLayer => ({
      kind: 'polygon',
      layer: name,
      ids: fc.features.map((_, i) => String(i)),
      names: fc.features.map(() => ''),
      geometries: fc.features.map((f) => f.geometry as AreaGeometry),
      numeric: {},
      text: {},
    });
    const bundle: LoadedBundle = {
      name: 'dc',
      synthetic: false,
      regions: layer('regions', wards),
      districts: layer('districts', tracts),
      candidates: { kind: 'point', layer: 'candidates', ids: siteWard.map((_, i) => String(i)), lon: siteLon, lat: siteLat, numeric: {}, text: {} },
      reports: [],
    };
    const links = linkBundle(bundle);
    // All 179 tracts lie in DC, so each gets a ward.
    expect(links.districtRegion.length).toBe(179);
    expect(Array.from(links.districtRegion).filter((r) => r < 0)).toEqual([]);
    const region = links.pointRegion.candidates ?? new Int32Array(0);
    const agree = siteWard.filter((ward, i) => region[i] >= 0 && wardNumbers[region[i]] === ward).length;
    // Through the tract: tracts do not nest exactly in 2012 wards, so this may differ from the direct
    // test by a site or two (direct: 308 agree).
    expect(agree / 324).toBeGreaterThanOrEqual(0.94);
  });
});

describe('DC bundle through the loader (test/fixtures/dc)', () => {
  it('links the loaded retail sites to the ward their WARD column names, as the raw-file check does', async () => {
    const bundle = await loadBundleDir(fileURLToPath(new URL('../fixtures/dc', import.meta.url)));
    const candidates = bundle.candidates;
    const regions = bundle.regions;
    if (!candidates || !regions) throw new Error('DC bundle lacks candidates or regions');
    expect(candidates.ids.length).toBe(324);
    // WARD is not mapped in bundle.json, so it is kept under its own name (as text or as a number).
    const wardColumn = candidates.text.WARD ?? Array.from(candidates.numeric.WARD ?? [], (v) => String(v));
    expect(wardColumn.length).toBe(324);
    const direct = assignPointsToPolygons(candidates.lon, candidates.lat, regions.geometries);
    const agreeDirect = wardColumn.filter((ward, i) => direct[i] >= 0 && regions.ids[direct[i]] === ward).length;
    expect(agreeDirect).toBe(308); // the same 308 / 324 as the raw 2012-ward file above
    const viaTract = linkBundle(bundle).pointRegion.candidates ?? new Int32Array(0);
    const agreeViaTract = wardColumn.filter((ward, i) => viaTract[i] >= 0 && regions.ids[viaTract[i]] === ward).length;
    expect(agreeViaTract / 324).toBeGreaterThanOrEqual(0.94);
  });
});
