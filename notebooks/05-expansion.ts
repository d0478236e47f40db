// %% [markdown]
// # Network expansion with the optimisation models
// Where should the next branches go, given the outlets we already have (DESIGN §5)? The own
// network is kept open (fixed) and the solver chooses *p* new sites among the candidates:
// - **MCLP** — maximise the residents within *S* of an open outlet; solved exactly as a MILP with
//   HiGHS when the instance fits, and by lazy greedy with a bound otherwise;
// - **Huff share** — maximise the own network's expected market share against the competitors.
//
// Every result says how it was solved and how far it can be from the optimum (the gap).
// Data: the synthetic sample city.

import { createKernel, evaluateSelection, EXACT_LIMITS, optimize, parseScenario, problemFromBundle, type OptimizeResult } from '../src/index.ts';
import { display, loadBundle, map, md, readJson } from '../src/notebook/index.ts';

// %% Bundle, scenario and today's coverage
const bundle = await loadBundle('data/sample');
const scenario = parseScenario(await readJson('data/sample/scenario.json'), 'data/sample/scenario.json');
const { demand, network, candidates } = bundle;
if (!demand || !network || !candidates) throw new Error('the sample bundle should have demand, network and candidates');
const S = 1000; // service distance, metres
const p = 5; // new branches to open
const population = demand.numeric.population;
const total = population.reduce((a, b) => a + b, 0);
const nearestOwn = await createKernel().nearest(demand, network);
const coveredToday = population.reduce((a, w, i) => a + (nearestOwn[i] <= S ? w : 0), 0);
display(md`Today **${coveredToday}** of ${total} residents (**${(100 * coveredToday) / total} %**) live within ${S} m of one of our ${network.ids.length} outlets. ${candidates.ids.length} candidate premises are on offer.`);

// %% MCLP, exact
// Left to itself ('auto') the solver goes exact only up to EXACT_LIMITS.coveragePairs; this
// instance is a little larger, so the exact MILP is asked for explicitly.
const mclp = problemFromBundle(bundle, { model: 'mclp', p, radius: S, scenario });
display(md`${mclp.costs.cost.length} demand–facility pairs within ${S} m (automatic exact limit: ${EXACT_LIMITS.coveragePairs}).`);
const exact = await optimize(mclp, { method: 'exact' });
const newSites = (r: OptimizeResult) => r.selectedIds.filter((id) => !id.startsWith('own:'));
const describe = (r: OptimizeResult, label: string) => ({
  solution: label,
  method: r.method,
  proved: r.exact ? 'optimal' : 'not proved',
  'covered residents': r.objective,
  'bound': r.bound,
  'gap %': 100 * r.gap,
  'coverage %': r.coveragePct ?? NaN,
  'new sites': newSites(r).join(' '),
  seconds: r.seconds,
});
display([describe(exact, 'MCLP exact')], { caption: `Maximal covering: ${p} new sites, S = ${S} m` });
display(md`Opening **${newSites(exact).join(', ')}** covers **${exact.objective - coveredToday}** more residents (${exact.objective} in all).`);

// %% The same by lazy greedy, with its bound
// Greedy picks the site that adds most coverage, p times; coverage is submodular, so the greedy
// value is within (1 − 1/e) of the optimum, and the solver reports a tighter bound of its own:
// the true optimum lies between the greedy value and that bound.
const greedy = await optimize(mclp, { method: 'heuristic' });
display([describe(exact, 'MCLP exact'), describe(greedy, 'MCLP lazy greedy')], { caption: 'Exact against greedy' });
const check = evaluateSelection(mclp, exact.selected);
display(md`Re-evaluating the exact selection from scratch gives **${check.objective}** covered residents (the solver said ${exact.objective}).`);

// %% Huff market share
// The own network's expected share of all residents when p new branches open, competitors
// included (exact enumeration is out of reach with this many candidates, so lazy greedy + bound).
const huffProblem = problemFromBundle(bundle, { model: 'huff', p: 3, scenario });
const huff = await optimize(huffProblem);
display(
  [{ model: 'Huff share', method: huff.method, proved: huff.exact ? 'optimal' : 'not proved', 'own share %': 100 * huff.objective, 'bound %': 100 * huff.bound, 'gap %': 100 * huff.gap, 'new sites': newSites(huff).join(' ') }],
  { caption: 'Maximise market share: 3 new branches' },
);

// %% Where they go
const at = (ids: string[]) => ids.map((id) => candidates.ids.indexOf(id));
const mclpIdx = at(newSites(exact));
const huffIdx = at(newSites(huff));
display(
  map({
    areas: bundle.districts,
    points: [
      { lon: network.lon, lat: network.lat, label: 'own outlet (fixed)', color: '#6baed6', r: 2 },
      { lon: mclpIdx.map((i) => candidates.lon[i]), lat: mclpIdx.map((i) => candidates.lat[i]), label: `MCLP pick (${p})`, color: '#d62728', r: 6, titles: newSites(exact) },
      { lon: huffIdx.map((i) => candidates.lon[i]), lat: huffIdx.map((i) => candidates.lat[i]), label: 'Huff-share pick (3)', color: '#ff7f0e', r: 4, titles: newSites(huff) },
    ],
  }),
  { caption: 'New sites chosen by each model, over the own network' },
);
