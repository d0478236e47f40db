// %% [markdown]
// # Coverage blind spots and residents per outlet
// Two planning checks from the method (DESIGN §1, §3) on the synthetic sample city:
// - **blind spots (盲区)**: residents farther than the service radius of every own outlet
//   (each outlet type has its own radius in the scenario), and where own trade areas overlap;
// - **industry norm**: residents per own outlet in each district, against a target.

import { arealCoverageGap, arealOverlap, createKernel, linkBundle, parseScenario, residentsPerOutlet, tradeAreaCounts, uncoveredMask, type OutletGroup } from '../src/index.ts';
import { display, formatNumber, loadBundle, map, md, readJson } from '../src/notebook/index.ts';

// %% Bundle and scenario
const bundle = await loadBundle('data/sample');
const scenario = parseScenario(await readJson('data/sample/scenario.json'), 'data/sample/scenario.json');
const { demand, network, districts } = bundle;
if (!demand || !network || !districts) throw new Error('the sample bundle should have demand, network and districts');
const population = demand.numeric.population;
const links = linkBundle(bundle);
const demandDistrict = links.pointDistrict.demand ?? new Int32Array(demand.ids.length).fill(-1);
const outletDistrict = links.pointDistrict.network ?? new Int32Array(network.ids.length).fill(-1);

// %% Own outlets by type and their service radius
const types = [...new Set(network.text.type)].sort();
const groups: OutletGroup[] = types.map((t) => {
  const idx = network.text.type.flatMap((x, i) => (x === t ? [i] : []));
  return { points: { lon: Float64Array.from(idx, (i) => network.lon[i]), lat: Float64Array.from(idx, (i) => network.lat[i]) }, radius: scenario.outletTypes[t]?.radius ?? 2000 };
});
display(types.map((t, k) => ({ type: t, outlets: groups[k].points.lon.length, 'service radius (m)': groups[k].radius })), { caption: 'Own network' });

// %% Blind spots
const kernel = createKernel();
const uncovered = await uncoveredMask(kernel, demand, groups);
const total = population.reduce((a, b) => a + b, 0);
const uncoveredPeople = population.reduce((a, w, i) => a + (uncovered[i] ? w : 0), 0);
display(md`**${uncoveredPeople}** of ${total} residents (**${(100 * uncoveredPeople) / total} %**) live beyond the service radius of every own outlet.`);
const gapShare = arealCoverageGap(demandDistrict, population, uncovered, districts.ids.length);
const blind = Array.from(uncovered.keys()).filter((i) => uncovered[i] === 1);
display(
  map({
    areas: districts,
    fill: gapShare.map((g) => 100 * g),
    fillLabel: 'uncovered residents, % of the district',
    points: [
      { lon: blind.map((i) => demand.lon[i]), lat: blind.map((i) => demand.lat[i]), label: 'uncovered demand cell', color: '#d62728', r: 1.2 },
      { lon: network.lon, lat: network.lat, label: 'own outlet', color: '#08306b', r: 2.5, titles: network.ids },
    ],
  }),
  { caption: 'Blind spots: demand cells out of every own outlet’s reach' },
);

// %% Where own trade areas overlap
// A resident inside two or more own trade areas can be served by either outlet: the territory
// overlap behind cannibalisation (窜货).
const counts = await tradeAreaCounts(kernel, demand, groups);
const overlap = arealOverlap(demandDistrict, population, counts, districts.ids.length);
const overlapPeople = population.reduce((a, w, i) => a + (counts[i] >= 2 ? w : 0), 0);
display(md`**${(100 * overlapPeople) / total} %** of residents are inside two or more own trade areas.`);

// %% Residents per outlet by district
const outletsPerDistrict = new Float64Array(districts.ids.length);
for (const d of outletDistrict) if (d >= 0) outletsPerDistrict[d]++;
const districtPopulation = new Float64Array(districts.ids.length);
demandDistrict.forEach((d, i) => {
  if (d >= 0) districtPopulation[d] += population[i];
});
const perOutlet = residentsPerOutlet(districtPopulation, outletDistrict, new Float64Array(network.ids.length).fill(1), 0);
const norm = scenario.criteria.find((c) => c.kind === 'network_norm');
const target = norm && typeof norm.direction === 'object' && 'target' in norm.direction ? norm.direction.target : 10_000;
const table = Array.from(districts.ids.keys())
  .map((d) => ({
    district: districts.ids[d],
    name: districts.names[d],
    residents: districtPopulation[d],
    'own outlets': outletsPerDistrict[d],
    'residents per outlet': perOutlet[d],
    'against the norm': Number.isFinite(perOutlet[d]) ? `${formatNumber(perOutlet[d] / target)}×` : 'no outlet',
    'uncovered %': 100 * gapShare[d],
    'overlap %': 100 * overlap[d],
  }))
  .sort((a, b) => b['residents per outlet'] - a['residents per outlet'] || (a.district < b.district ? -1 : 1));
display(table, { caption: `Districts by residents per own outlet (norm: ${formatNumber(target)})`, limit: 12 });
const without = table.filter((r) => r['own outlets'] === 0);
const worst = table.filter((r) => r['own outlets'] > 0)[0];
display(md`**${without.length}** districts (${without.reduce((a, r) => a + r.residents, 0)} residents) have no own outlet at all. Among the others the most under-served is **${worst.district}** (${worst.name}): **${worst['residents per outlet']}** residents per own outlet, ${worst['against the norm']} the norm.`);

// %% Map against the norm
display(
  map({
    areas: districts,
    fill: perOutlet.map((v) => (Number.isFinite(v) ? v / target : NaN)),
    fillLabel: `residents per outlet ÷ ${formatNumber(target)} (grey: no own outlet)`,
    scheme: 'rdbu',
    pivot: 1,
    reverse: true,
    points: [{ lon: network.lon, lat: network.lat, label: 'own outlet', color: '#111', r: 2, titles: network.ids }],
  }),
  { caption: 'Residents per own outlet against the norm: above 1 means fewer outlets than the norm asks' },
);
