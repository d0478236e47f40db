// %% [markdown]
// # The three-level funnel on the sample city
// Region → district → site, strictly in that order and with the same criteria at every level
// (DESIGN §1, §4). The data is the **synthetic** sample city in `data/sample/` and its default
// scenario `data/sample/scenario.json` — the same bundle and scenario the workbench opens with.
//
// Run it live with `npm run notebooks`, or headless with
// `siteselect notebook notebooks/01-funnel.ts --out funnel.html`.

import { parseScenario, runFunnel, type LevelResult } from '../src/index.ts';
import { database, display, levelValues, loadBundle, map, md, readJson } from '../src/notebook/index.ts';

// %% Load the bundle
const bundle = await loadBundle('data/sample');
const { regions, districts } = bundle;
if (!regions || !districts) throw new Error('the sample bundle should have regions and districts');
const layerSummary = bundle.reports.map((r) => ({ layer: r.layer, file: r.file, read: r.read, loaded: r.loaded, rejected: r.rejected }));
display(layerSummary, { caption: `${bundle.name}${bundle.synthetic ? ' — synthetic data' : ''}` });

// %% The scenario
const scenario = parseScenario(await readJson('data/sample/scenario.json'), 'data/sample/scenario.json');
display(
  scenario.criteria.map((c) => ({ criterion: c.id, kind: c.kind, weight: c.weight, normalise: c.normalise })),
  { caption: `${scenario.name}: criteria and weights` },
);
display(md`Funnel cuts: keep the top **${scenario.funnel.regions.topK ?? 'all'}** regions, the top **${scenario.funnel.districts.topK ?? 'all'}** districts inside them, then the best **${scenario.funnel.sites.topK ?? 'all'}** sites.`);

// %% Run the funnel
const funnel = await runFunnel(bundle, scenario, { database: await database() });
const levelRow = (level: LevelResult) => {
  const best = Array.from(level.rank).indexOf(1);
  return { level: level.level, compared: level.ids.length, kept: level.kept.reduce((a, b) => a + b, 0), best: level.ids[best] ?? '', 'best score': level.score[best] ?? NaN };
};
display([levelRow(funnel.regions), levelRow(funnel.districts), levelRow(funnel.sites)], { caption: 'The funnel at a glance' });

// %% [markdown]
// ## Level 1 — regions
// Each region is scored with the **areal** form of every criterion (a density, a per-capita rate
// or a share), normalised across the regions and combined with the scenario's weights.

// %% Regions
display(funnel.regions, { caption: 'Regions, best first (raw value per criterion)' });
display(
  map({ areas: regions, fill: levelValues(regions, funnel.regions), fillLabel: 'region score', highlight: levelValues(regions, funnel.regions, funnel.regions.kept) }),
  { caption: 'Region scores; the kept regions are outlined' },
);

// %% [markdown]
// ## Level 2 — districts inside the kept regions
// Only districts whose region was kept are compared, with the same criteria in their areal form.

// %% Districts
display(funnel.districts, { caption: 'Districts in the kept regions, best first' });
display(
  map({
    areas: districts,
    fill: levelValues(districts, funnel.districts),
    fillLabel: 'district score',
    highlight: levelValues(districts, funnel.districts, funnel.districts.kept),
  }),
  { caption: 'District scores (grey: not compared, its region was not kept); kept districts outlined' },
);

// %% [markdown]
// ## Level 3 — sites inside the kept districts
// Candidate premises inside the kept districts are scored with the **site** form of each
// criterion (around the point, within its radius), plus the district's and region's scores as
// context terms. Constraints (distance to own outlets, spacing, rent, top N per region) decide
// which of the best are kept.

// %% Sites
const sites = funnel.sites;
display(sites, { caption: 'Sites, best first' });
const keptSites = Array.from(sites.kept.keys()).filter((i) => sites.kept[i] === 1);
display(
  map({
    areas: districts,
    fill: levelValues(districts, funnel.districts),
    fillLabel: 'district score',
    points: [
      { lon: sites.lon ?? [], lat: sites.lat ?? [], label: 'candidate', color: '#bbb', r: 1.5, titles: sites.ids },
      { lon: keptSites.map((i) => sites.lon?.[i] ?? NaN), lat: keptSites.map((i) => sites.lat?.[i] ?? NaN), label: 'kept site', color: '#d62728', r: 4, titles: keptSites.map((i) => `${sites.ids[i]}: ${sites.score[i].toFixed(1)}`) },
    ],
  }),
  { caption: 'Scored candidates (grey) and the kept shortlist (red)' },
);

// %% Why the top site wins
const top = Array.from(sites.rank).indexOf(1);
display(md`The top site is **${sites.ids[top]}** with a score of **${sites.score[top]}** out of 100. Each criterion's weighted contribution adds up to that score:`);
const breakdown: Record<string, string | number>[] = sites.criteria.map((c) => ({ criterion: c.label, raw: c.raw[top], normalised: c.normalised[top], weight: c.weight, contribution: c.contribution[top] }));
breakdown.push({ criterion: 'total', contribution: sites.criteria.reduce((a, c) => a + c.contribution[top], 0) });
display(breakdown, { caption: `Breakdown of ${sites.ids[top]} (District score and Region score are context terms: the scores of the site's district and region)` });
if (funnel.warnings?.length) display(funnel.warnings.join('\n'));
