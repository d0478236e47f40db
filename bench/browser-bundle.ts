/**
 * A synthetic bundle for the browser benchmark: one region, one district, 100 k candidate sites
 * (so the site table holds 100 k rows), plus demand, competitors, own outlets, POIs and transit.
 * Seeded, so every run measures the same input. Served to the page from memory (page.route).
 */
import { mulberry32 } from '../scripts/sample/prng.ts';

const LON = 114.1;
const LAT = 22.6;
const HALF = 0.06; // degrees: a city about 13 km across

function square(half: number): number[][][] {
  return [[[LON - half, LAT - half], [LON + half, LAT - half], [LON + half, LAT + half], [LON - half, LAT + half], [LON - half, LAT - half]]];
}

function points(n: number, seed: number, extra: (i: number, r: () => number) => string[]): string[] {
  const rng = mulberry32(seed);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const lon = LON + (rng.next() * 2 - 1) * HALF * 0.98;
    const lat = LAT + (rng.next() * 2 - 1) * HALF * 0.98;
    rows.push([`p${i}`, lon.toFixed(6), lat.toFixed(6), ...extra(i, rng.next)].join(','));
  }
  return rows;
}

export function benchBundle(sites: number, scenario: unknown): Map<string, string> {
  const polygon = (id: string, name: string, extra: Record<string, unknown>) => ({
    type: 'Feature',
    properties: { id, name, population: 1_000_000, ...extra },
    geometry: { type: 'Polygon', coordinates: square(HALF) },
  });
  const files = new Map<string, string>();
  files.set('regions.geojson', JSON.stringify({ type: 'FeatureCollection', features: [polygon('R1', 'Bench region', {})] }));
  files.set('districts.geojson', JSON.stringify({ type: 'FeatureCollection', features: [polygon('D1', 'Bench district', { region: 'R1' })] }));
  files.set('demand.csv', ['id,lon,lat,population', ...points(20_000, 1, (_i, r) => [String(Math.round(50 + r() * 500))])].join('\n'));
  files.set('competitors.csv', ['id,lon,lat,brand,attractiveness', ...points(500, 2, (i) => [`Brand ${i % 5}`, '1'])].join('\n'));
  files.set('network.csv', ['id,lon,lat,type,attractiveness', ...points(100, 3, (i) => [i % 3 === 0 ? 'agent' : 'branch', '1'])].join('\n'));
  files.set('pois.csv', ['id,lon,lat,category,weight', ...points(2_000, 4, (i) => [['restaurant', 'retail', 'office', 'mall'][i % 4], '1'])].join('\n'));
  files.set('transit.csv', ['id,lon,lat,mode,weight', ...points(500, 5, (i) => [i % 10 === 0 ? 'metro' : 'bus', '1'])].join('\n'));
  files.set('candidates.csv', ['id,lon,lat,name,rent', ...points(sites, 6, (i, r) => [`Site ${i}`, String(Math.round(20_000 + r() * 60_000))])].join('\n'));
  const layer = (name: string, file: string, columns: Record<string, string>) => ({ layer: name, file, columns });
  const xy = { id: 'id', lon: 'lon', lat: 'lat' };
  files.set(
    'bundle.json',
    JSON.stringify({
      version: 1,
      name: `Benchmark city (${sites.toLocaleString('en-US')} sites, synthetic)`,
      synthetic: true,
      layers: [
        layer('regions', 'regions.geojson', { id: 'id', name: 'name', population: 'population' }),
        layer('districts', 'districts.geojson', { id: 'id', name: 'name', region: 'region', population: 'population' }),
        layer('demand', 'demand.csv', { ...xy, population: 'population' }),
        layer('competitors', 'competitors.csv', { ...xy, brand: 'brand', attractiveness: 'attractiveness' }),
        layer('network', 'network.csv', { ...xy, type: 'type', attractiveness: 'attractiveness' }),
        layer('pois', 'pois.csv', { ...xy, category: 'category', weight: 'weight' }),
        layer('transit', 'transit.csv', { ...xy, mode: 'mode', weight: 'weight' }),
        layer('candidates', 'candidates.csv', { ...xy, name: 'name', rent: 'rent' }),
      ],
    }),
  );
  files.set('scenario.json', JSON.stringify(scenario));
  return files;
}

/** A demand CSV of `rows` points (id, lon, lat, population), for the large-file load. */
export function demandCsv(rows: number): string {
  return ['id,lon,lat,population', ...points(rows, 7, (_i, r) => [String(Math.round(1 + r() * 100))])].join('\n');
}
