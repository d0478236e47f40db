/**
 * Real addresses: DC's retail sites (GISADDRESS, e.g. "1800 Martin L. King Jr. Avenue, SE") geocoded
 * against a gazetteer made of DC's ATM, bank and liquor-licence addresses ("316 PENNSYLVANIA AVENUE SE").
 * Two independent DC sources, so a match can be checked: it must land near the retail site's own point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PointLayer } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { buildGeocoder } from '../../src/geocode/index.ts';

interface PointFeature { properties: Record<string, string | null>; geometry: { coordinates: [number, number] } | null }
const dc = (f: string): PointFeature[] =>
  (JSON.parse(readFileSync(new URL(`../../../shared/data/dc/${f}`, import.meta.url), 'utf8')) as { features: PointFeature[] }).features;

const entries = ['atm-banking.geojson', 'bank-locations.geojson', 'liquor-license-locations.geojson']
  .flatMap(dc)
  .filter((f) => f.properties.ADDRESS && f.geometry);
const gazetteer: PointLayer = {
  kind: 'point', layer: 'gazetteer', ids: entries.map((_, i) => `g${i}`),
  lon: Float64Array.from(entries, (f) => f.geometry!.coordinates[0]),
  lat: Float64Array.from(entries, (f) => f.geometry!.coordinates[1]),
  numeric: {}, text: { address: entries.map((f) => f.properties.ADDRESS!) },
};
const geocoder = buildGeocoder(gazetteer);
const sites = dc('retail-sites.geojson').filter((s) => s.properties.GISADDRESS && s.geometry);

/** How a person might retype a DC address: abbreviated type, dotted quadrant, upper case. */
function retyped(address: string): string {
  return address
    .replace(/\bStreet\b/, 'St').replace(/\bAvenue\b/, 'Ave.').replace(/\bRoad\b/, 'Rd')
    .replace(/\b(N|S)(W|E)$/, '$1.$2.')
    .toUpperCase();
}

describe('geocoding real DC addresses', () => {
  const results = sites.map((s) => geocoder.geocode(s.properties.GISADDRESS!));

  it('places every matched retail site within 400 m of its own point', () => {
    const placed = results.filter((r) => r !== null).length;
    expect(placed).toBeGreaterThan(50); // many sites share an address with a shop, bank or ATM
    results.forEach((r, i) => {
      if (!r) return;
      const [lon, lat] = sites[i].geometry!.coordinates;
      expect(haversine(r.lon, r.lat, lon, lat), `${sites[i].properties.GISADDRESS} → ${r.matched}`).toBeLessThan(400);
    });
  });

  it('gives the same places for the retyped addresses', () => {
    sites.forEach((s, i) => {
      const again = geocoder.geocode(retyped(s.properties.GISADDRESS!));
      expect(again?.matched, retyped(s.properties.GISADDRESS!)).toBe(results[i]?.matched);
    });
  });
});
