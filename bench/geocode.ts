/**
 * Geocoder at scale: a synthetic gazetteer of ~150 000 addresses (2 500 streets, quadrant and type
 * variants sharing stems), then 20 000 look-ups — exact (abbreviated / upper-cased forms) and fuzzy
 * (one-letter typos in the street name). Reports build time, look-ups per second and how many fuzzy
 * look-ups land on the entry the typo was made from. Usage: npm run bench:geocode
 */
import type { PointLayer } from '../src/data/layer.ts';
import { buildGeocoder } from '../src/geocode/index.ts';
import { mulberry32 } from '../scripts/sample/prng.ts';

const rng = mulberry32(42);
const syllables = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sun', 'bel', 'dor', 'fen', 'gar', 'hol', 'jin', 'mar', 'nel', 'pos', 'qua', 'ril', 'sar', 'tul'];
const types = ['Street', 'Avenue', 'Road', 'Boulevard', 'Lane', 'Drive'];
const directions = ['', 'Northwest', 'Northeast', 'Southwest', 'Southeast'];

const streets = new Set<string>();
while (streets.size < 2_500) {
  const stem = Array.from({ length: rng.int(2, 3) }, () => rng.pick(syllables)).join('');
  const name = `${stem[0].toUpperCase()}${stem.slice(1)} ${rng.pick(types)}`;
  const dir = rng.pick(directions);
  streets.add(dir ? `${name} ${dir}` : name);
}
const addresses: string[] = [];
for (const street of streets) for (let n = 1; n <= 120; n += rng.int(1, 2)) addresses.push(`${n} ${street}`);
const gazetteer: PointLayer = {
  kind: 'point', layer: 'gazetteer', ids: addresses.map((_, i) => `g${i}`),
  lon: Float64Array.from(addresses, (_, i) => i), lat: Float64Array.from(addresses, () => 0),
  numeric: {}, text: { address: addresses },
};

let t = performance.now();
const geocoder = buildGeocoder(gazetteer);
const buildMs = performance.now() - t;

const queries = 20_000;
const truth: number[] = [];
const inputs: string[] = [];
for (let q = 0; q < queries; q++) {
  const row = rng.int(0, addresses.length - 1);
  const [number, stem, ...rest] = addresses[row].split(' ');
  const i = rng.int(1, stem.length - 2);
  const typo = q % 2 === 0 ? stem.slice(0, i) + stem.slice(i + 1) : stem;
  const text = [number, typo, ...rest].join(' ');
  inputs.push(q % 4 === 1 ? text.toUpperCase() : text.replace('Street', 'St').replace('Northwest', 'NW'));
  truth.push(row);
}
t = performance.now();
let exact = 0;
let fuzzy = 0;
let right = 0;
inputs.forEach((input, q) => {
  const r = geocoder.geocode(input);
  if (r?.method === 'exact') exact++;
  if (r?.method === 'fuzzy') fuzzy++;
  if (r && r.lon === truth[q]) right++;
});
const queryMs = performance.now() - t;
console.log(JSON.stringify({
  gazetteer: addresses.length, streets: streets.size, buildMs: Math.round(buildMs),
  queries, exact, fuzzy, unplaced: queries - exact - fuzzy, right, queriesPerSecond: Math.round((queries / queryMs) * 1000),
}, null, 2));
