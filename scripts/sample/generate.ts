/**
 * The whole sample city from one seed: every output file as text, plus the ground truth the tests
 * need (which gazetteer entry each candidate address was written from). Pure: no file system.
 */
import type { Position } from 'geojson';
import { areaContains, makeDistricts, makeRegions, polygonsOf, type Area } from './areas.ts';
import { basemapGeoJson } from './basemap.ts';
import { makeCandidates, UNMATCHED_CANDIDATES, type Candidate } from './candidates.ts';
import { makeCentres, makeDemand, makeOutline } from './city.ts';
import { toCsv } from './csv.ts';
import { observedDeposits } from './observed.ts';
import { makeCompetitors, makeNetwork, type Outlet } from './outlets.ts';
import { toLonLat, type Xy } from './plane.ts';
import { makePois } from './pois.ts';
import { mulberry32 } from './prng.ts';
import { sampleBundleManifest, sampleReadme } from './manifest.ts';
import { roadsGeoJson } from './roads.ts';
import { makeAddresses, makeStreets, streetName, type AddressPoint } from './streets.ts';
import { makeTransit } from './transit.ts';

export const DEFAULT_SEED = 20_260_101;

export interface SampleCity {
  /** File name (relative to data/sample) → contents. */
  files: Map<string, string>;
  candidates: Candidate[];
  /** Counts quoted in the README and checked by the tests. */
  counts: Record<string, number>;
}

function ringToLonLat(ring: Xy[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = toLonLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function areasGeoJson(areas: Area[], population: number[]): string {
  const features = areas.map((a, i) => {
    const polygons = polygonsOf(a.geometry).map((rings) => rings.map(ringToLonLat));
    const geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    const properties = a.region ? { id: a.id, name: a.name, region: a.region, population: population[i] } : { id: a.id, name: a.name, population: population[i] };
    return JSON.stringify({ type: 'Feature', properties, geometry });
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

const lonLat = (xy: Xy): [number, number] => toLonLat(xy);

/** Real examples for the README: one house number in two quadrants, one stem with two street types. */
function addressExamples(addresses: readonly AddressPoint[]): { quadrants: [string, string]; types: [string, string] } {
  const byNumber = new Map<string, AddressPoint>();
  let quadrants: [string, string] = ['', ''];
  for (const a of addresses) {
    if (!a.direction) continue;
    const key = `${a.number} ${a.stem} ${a.type}`;
    const other = byNumber.get(key);
    if (other && other.direction !== a.direction) {
      quadrants = [`${other.number} ${streetName(other)}`, `${a.number} ${streetName(a)}`];
      break;
    }
    byNumber.set(key, a);
  }
  const typeOf = new Map<string, string>();
  let types: [string, string] = ['', ''];
  for (const a of addresses) {
    const seen = typeOf.get(a.stem);
    if (seen && seen !== a.type) {
      types = [`${a.stem} ${seen}`, `${a.stem} ${a.type}`];
      break;
    }
    typeOf.set(a.stem, a.type);
  }
  return { quadrants, types };
}

/** The own outlets' synthetic deposits from the coordinates as written (scripts/sample/observed.ts). */
function depositsOf(seed: number, cells: Xy[], population: number[], network: Outlet[], competitors: Outlet[]): number[] {
  const at = (o: { xy: Xy; type: string; attractiveness: number }) => ({ ...lonLatOf(o.xy), type: o.type, attractiveness: o.attractiveness });
  const spots = cells.map(lonLatOf);
  return observedDeposits(seed, { lon: spots.map((s) => s.lon), lat: spots.map((s) => s.lat), population }, network.map(at), competitors.map(at));
}

function lonLatOf(xy: Xy): { lon: number; lat: number } {
  const [lon, lat] = lonLat(xy);
  return { lon, lat };
}

export function generateSampleCity(seed = DEFAULT_SEED): SampleCity {
  const rng = mulberry32(seed);
  const outline = makeOutline(rng);
  const centres = makeCentres(rng);
  const demand = makeDemand(rng, outline, centres);
  const regions = makeRegions(rng, outline);
  const districts = makeDistricts(rng, regions, demand);

  const districtOf = (xy: Xy): number => districts.findIndex((d) => areaContains(d.geometry, xy));
  const cellDistrict = demand.xy.map(districtOf);
  const districtPop = districts.map((_, d) => demand.population.reduce((s, v, i) => (cellDistrict[i] === d ? s + v : s), 0));
  const regionPop = regions.map((r) => districts.reduce((s, d, i) => (d.region === r.id ? s + districtPop[i] : s), 0));

  const streets = makeStreets(rng, centres);
  const located = makeAddresses(rng, streets, outline, centres).map((a) => ({ a, d: districtOf(a.xy) }));
  const inCity = located.filter((e) => e.d >= 0); // an address set back from a street at the city edge may fall outside
  const addresses = inCity.map((e) => e.a);
  const candidates = makeCandidates(rng, addresses, centres);
  const competitors = makeCompetitors(rng, demand);
  const network = makeNetwork(rng, demand);
  const pois = makePois(rng, demand, centres);
  const transit = makeTransit(rng, outline, centres, addresses);

  const files = new Map<string, string>();
  files.set('regions.geojson', areasGeoJson(regions, regionPop));
  files.set('roads.geojson', roadsGeoJson(streets));
  files.set('basemap.geojson', basemapGeoJson(seed, outline, streets));
  files.set('districts.geojson', areasGeoJson(districts, districtPop));
  files.set('demand.csv', toCsv(['id', 'lon', 'lat', 'population', 'income'],
    demand.xy.map((xy, i) => [`H${String(i + 1).padStart(5, '0')}`, ...lonLat(xy), demand.population[i], demand.income[i]])));
  files.set('competitors.csv', toCsv(['id', 'lon', 'lat', 'name', 'brand', 'type', 'attractiveness'],
    competitors.map((o) => [o.id, ...lonLat(o.xy), o.name, o.brand, o.type, o.attractiveness])));
  const deposits = depositsOf(seed, demand.xy, demand.population, network, competitors);
  files.set('network.csv', toCsv(['id', 'lon', 'lat', 'name', 'type', 'attractiveness', 'opened', 'deposits'],
    network.map((o, j) => [o.id, ...lonLat(o.xy), o.name, o.type, o.attractiveness, o.opened ?? '', deposits[j]])));
  files.set('pois.csv', toCsv(['id', 'lon', 'lat', 'category', 'weight'], pois.map((p) => [p.id, ...lonLat(p.xy), p.category, p.weight])));
  files.set('transit.csv', toCsv(['id', 'lon', 'lat', 'mode', 'line', 'name', 'weight'],
    transit.map((s) => [s.id, ...lonLat(s.xy), s.mode, s.line, s.name, s.weight])));
  files.set('candidates.csv', toCsv(['id', 'address', 'rent', 'floor_area', 'visibility'],
    candidates.map((c) => [c.id, c.address, c.rent, c.floor_area, c.visibility])));
  files.set('gazetteer.csv', toCsv(['id', 'lon', 'lat', 'address', 'number', 'street', 'district', 'postcode'],
    inCity.map(({ a, d }, i) => [`G${String(i + 1).padStart(6, '0')}`, ...lonLat(a.xy), `${a.number} ${streetName(a)}`, a.number, streetName(a),
      districts[d].name, `518${String(d + 1).padStart(3, '0')}`])));

  const counts = {
    regions: regions.length, districts: districts.length, demand: demand.xy.length,
    population: demand.population.reduce((a, b) => a + b, 0), competitors: competitors.length, network: network.length,
    pois: pois.length, metro: transit.filter((s) => s.mode === 'metro').length, bus: transit.filter((s) => s.mode === 'bus').length,
    candidates: candidates.length, unmatched: UNMATCHED_CANDIDATES, gazetteer: addresses.length, streets: streets.length,
  };
  files.set('bundle.json', `${JSON.stringify(sampleBundleManifest(seed), null, 2)}\n`);
  files.set('README.md', sampleReadme(seed, counts, candidates.filter((c) => c.truth < 0).map((c) => c.id), addressExamples(addresses)));
  return { files, candidates, counts };
}
