// %% [markdown]
// # Huff market shares, cannibalisation and net gain
// The Huff model (DESIGN §3): demand at point *i* picks outlet *j* with probability
// P_ij = A_j^α · d_ij^(−β) / Σ_k A_k^α · d_ik^(−β), over the outlets within the cut-off. A new
// site **captures** Σ_i w_i · P_ic; part of that comes from our own outlets (**cannibalisation**);
// what is left is the **net gain** for the network. Data: the synthetic sample city.

import * as Plot from '@observablehq/plot';
import { createKernel, haversine, huffCaptures, huffProbabilities, parseScenario, siteHuff, type PointLayer, type WeightedPoints } from '../src/index.ts';
import { display, formatNumber, loadBundle, map, md, plot, readJson } from '../src/notebook/index.ts';

// %% Bundle, scenario and the model's parameters
const bundle = await loadBundle('data/sample');
const scenario = parseScenario(await readJson('data/sample/scenario.json'), 'data/sample/scenario.json');
const model = { alpha: scenario.huff.alpha, beta: scenario.huff.beta, cutoff: scenario.huff.cutoff, floor: scenario.huff.floor };
const { demand, network, competitors, candidates } = bundle;
if (!demand || !network || !competitors || !candidates) throw new Error('the sample bundle should have demand, network, competitors and candidates');
display({ 'α (attractiveness)': model.alpha, 'β (distance decay)': model.beta, 'cut-off (m)': model.cutoff, 'distance floor (m)': model.floor }, { caption: 'Huff model' });

// %% Outlets as the scorer sees them
// Own outlets weigh A = their attractiveness × their type's; the planned branch weighs its type's.
const typeA = (t: string) => scenario.outletTypes[t]?.attractiveness ?? 1;
const column = (layer: PointLayer, name: string) => layer.numeric[name] ?? new Float64Array(layer.ids.length).fill(1);
const own: WeightedPoints = { lon: network.lon, lat: network.lat, weight: column(network, 'attractiveness').map((a, i) => a * typeA(network.text.type?.[i] ?? '')) };
const rivals: WeightedPoints = { lon: competitors.lon, lat: competitors.lat, weight: column(competitors, 'attractiveness') };
const population = demand.numeric.population;
const people: WeightedPoints = { lon: demand.lon, lat: demand.lat, weight: population };
const candidateA = typeA(scenario.candidateType);
display(md`${network.ids.length} own outlets, ${competitors.ids.length} competitor outlets, ${demand.ids.length} demand points holding ${population.reduce((a, b) => a + b, 0)} residents. A new ${scenario.candidateType} weighs A = ${candidateA}.`);

// %% A handful of candidates
// The six candidates with the most residents within 1 km: busy places, where the trade-off
// between capturing demand and taking it from our own branches is sharpest.
const kernel = createKernel();
const nearby = await kernel.sumWithin(candidates, people, 1000, { kind: 'uniform' });
const pick = Array.from(nearby.keys()).sort((a, b) => nearby[b] - nearby[a] || (candidates.ids[a] < candidates.ids[b] ? -1 : 1)).slice(0, 6);
const sites: WeightedPoints = { lon: Float64Array.from(pick, (i) => candidates.lon[i]), lat: Float64Array.from(pick, (i) => candidates.lat[i]), weight: new Float64Array(pick.length).fill(candidateA) };
const huff = await siteHuff(kernel, sites, people, own, rivals, model);
const rows = pick.map((c, k) => ({
  id: candidates.ids[c],
  address: candidates.text.address?.[c] ?? '',
  'residents ≤ 1 km': nearby[c],
  capture: huff.capture[k],
  cannibalisation: huff.cannibalisation[k],
  'net gain': huff.netGain[k],
  'from own network %': (100 * huff.cannibalisation[k]) / huff.capture[k],
}));
display(rows, { caption: 'Expected customers (residents) per candidate' });

// %% Capture against net gain
display(
  plot({
    marginLeft: 60,
    x: { label: 'residents', grid: true },
    y: { label: null },
    marks: [
      Plot.barX(rows, { y: 'id', x: 'capture', fill: '#c6dbef', sort: { y: '-x' } }),
      Plot.barX(rows, { y: 'id', x: 'net gain', fill: '#2171b5' }),
      Plot.ruleX([0]),
    ],
  }),
  { caption: 'Light: what the site captures; dark: the net gain; the difference is cannibalisation' },
);
const best = Array.from(huff.netGain.keys()).reduce((a, b) => (huff.netGain[b] > huff.netGain[a] ? b : a), 0);
display(md`The best net gain is **${rows[best].id}** (${rows[best].address}): it captures **${huff.capture[best]}** residents, **${huff.cannibalisation[best]}** of them from our own outlets, a net gain of **${huff.netGain[best]}**.`);

// %% Check by hand: the same numbers pair by pair
// The kernel works from summed "pressures"; here P_ij is written out for every demand point and
// outlet (own + rivals + the candidate), as in the formula. Both must agree.
const join = (parts: WeightedPoints[]): WeightedPoints => ({
  lon: Float64Array.from(parts.flatMap((p) => Array.from(p.lon))),
  lat: Float64Array.from(parts.flatMap((p) => Array.from(p.lat))),
  weight: Float64Array.from(parts.flatMap((p) => Array.from(p.weight))),
});
const one = { lon: sites.lon.subarray(best, best + 1), lat: sites.lat.subarray(best, best + 1), weight: sites.weight.subarray(best, best + 1) };
// Huff takes A^α itself here, so the weights are the raw A.
const before = huffCaptures(people, join([own, rivals]), model);
const after = huffCaptures(people, join([own, rivals, one]), model);
const ownBefore = before.subarray(0, network.ids.length).reduce((a, b) => a + b, 0);
const ownAfter = after.subarray(0, network.ids.length).reduce((a, b) => a + b, 0);
display(
  [
    { quantity: 'capture', kernel: huff.capture[best], 'pair by pair': after[after.length - 1] },
    { quantity: 'cannibalisation', kernel: huff.cannibalisation[best], 'pair by pair': ownBefore - ownAfter },
  ],
  { caption: `${rows[best].id}: kernel against the written-out formula` },
);

// %% The probability surface
// P that demand at each spot picks the new site over every other outlet, on a 48 × 48 grid of
// ±1.5 km around it (the model's own answer to "what is this site's trade area").
const half = 1500;
const [lon0, lat0] = [one.lon[0], one.lat[0]];
const dLat = (half / 6_371_008.8) * (180 / Math.PI);
const dLon = dLat / Math.cos((lat0 * Math.PI) / 180);
const cols = 48;
const grid = { lon: new Float64Array(cols * cols), lat: new Float64Array(cols * cols) };
for (let r = 0; r < cols; r++) {
  for (let c = 0; c < cols; c++) {
    grid.lon[r * cols + c] = lon0 - dLon + ((c + 0.5) / cols) * 2 * dLon;
    grid.lat[r * cols + c] = lat0 - dLat + ((r + 0.5) / cols) * 2 * dLat;
  }
}
const outlets = join([own, rivals, one]);
const p = huffProbabilities(grid, outlets, model);
const m = outlets.lon.length;
const values = Float64Array.from({ length: cols * cols }, (_, i) => p[i * m + m - 1]);
const within = (lons: Float64Array, lats: Float64Array) => Array.from(lons.keys()).filter((i) => Math.abs(lons[i] - lon0) <= dLon && Math.abs(lats[i] - lat0) <= dLat);
const ownNear = within(network.lon, network.lat);
const rivalsNear = within(competitors.lon, competitors.lat);
display(
  map({
    surface: { west: lon0 - dLon, east: lon0 + dLon, south: lat0 - dLat, north: lat0 + dLat, cols, rows: cols, values, label: `P(choose ${rows[best].id})` },
    areas: bundle.districts,
    points: [
      { lon: ownNear.map((i) => network.lon[i]), lat: ownNear.map((i) => network.lat[i]), label: 'own outlet', color: '#2171b5', r: 3.5 },
      { lon: rivalsNear.map((i) => competitors.lon[i]), lat: rivalsNear.map((i) => competitors.lat[i]), label: 'competitor', color: '#444', r: 2.5 },
      { lon: [lon0], lat: [lat0], label: rows[best].id, color: '#d62728', r: 6 },
    ],
  }),
  { caption: `Huff probability surface of ${rows[best].id}` },
);
const at500 = Array.from(values.keys()).filter((i) => Math.abs(haversine(lon0, lat0, grid.lon[i], grid.lat[i]) - 500) < 60);
display(md`Around 500 m from the site the probability averages **${at500.reduce((a, i) => a + values[i], 0) / at500.length}** (${formatNumber(at500.length)} grid points); it falls off with β = ${model.beta} and where other outlets are close.`);
