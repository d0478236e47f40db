// %% [markdown]
// # A real city from a bundle folder
// The same funnel on real data. The bundle folder is the notebook's argument:
//
//     siteselect notebook notebooks/04-real-city.ts -- ../shared/data/dc --manifest test/fixtures/dc/bundle.json
//
// `--manifest FILE` names a manifest kept outside a read-only data folder (its file paths are
// looked up in the folder first, then beside the manifest); without it the folder must hold its
// own `bundle.json`. `--scenario FILE` replaces the default scenario
// (`notebooks/real-city.scenario.json`: demand, competition, POIs and transit, for a city where
// we have no outlets yet). In the live page, give the arguments in the address:
// `?nb=04-real-city.ts&arg=../shared/data/dc&arg=--manifest&arg=test/fixtures/dc/bundle.json`.

import { parseScenario, runFunnel, type LevelResult } from '../src/index.ts';
import { database, display, levelValues, loadBundle, map, md, option, positional, readJson } from '../src/notebook/index.ts';

// %% Which bundle
const given = positional()[0];
const folder = given ?? '../shared/data/dc';
const manifest = option('manifest') ?? (given === undefined ? 'test/fixtures/dc/bundle.json' : undefined);
const scenarioFile = option('scenario') ?? 'notebooks/real-city.scenario.json';
display({ folder, manifest: manifest ?? `${folder}/bundle.json`, scenario: scenarioFile });

// %% Load
const bundle = await loadBundle(folder, manifest === undefined ? undefined : { manifest });
display(
  bundle.reports.map((r) => ({ layer: r.layer, file: r.file.split('/').pop() ?? r.file, read: r.read, loaded: r.loaded, rejected: r.rejected })),
  { caption: `${bundle.name}: every row loaded or rejected (loaded + rejected = read)` },
);
const { regions, districts } = bundle;
if (!regions || !districts) throw new Error(`${folder}: this notebook needs regions and districts layers`);
const residents = (districts.numeric.population ?? new Float64Array(0)).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
display(md`**${residents}** residents in **${districts.ids.length}** districts and **${regions.ids.length}** regions.`);

// %% Run the funnel
const scenario = parseScenario(await readJson(scenarioFile), scenarioFile);
const funnel = await runFunnel(bundle, scenario, { database: await database() });
const summary = (level: LevelResult) => ({ level: level.level, compared: level.ids.length, kept: level.kept.reduce((a, b) => a + b, 0) });
display([summary(funnel.regions), summary(funnel.districts), summary(funnel.sites)], { caption: `${scenario.name}` });
if (funnel.warnings?.length) display(funnel.warnings.join('\n'));

// %% Regions
display(funnel.regions, { caption: 'Regions, best first' });
display(map({ areas: regions, fill: levelValues(regions, funnel.regions), fillLabel: 'region score', highlight: levelValues(regions, funnel.regions, funnel.regions.kept) }), { caption: 'Region scores; kept regions outlined' });

// %% Districts
display(funnel.districts, { caption: 'Districts in the kept regions, best first' });
display(
  map({ areas: districts, fill: levelValues(districts, funnel.districts), fillLabel: 'district score', highlight: levelValues(districts, funnel.districts, funnel.districts.kept) }),
  { caption: 'District scores (grey: not compared); kept districts outlined' },
);

// %% Sites
const sites = funnel.sites;
display(sites, { caption: 'Candidate sites in the kept districts, best first' });
const kept = Array.from(sites.kept.keys()).filter((i) => sites.kept[i] === 1);
display(
  map({
    areas: districts,
    fill: levelValues(districts, funnel.districts),
    fillLabel: 'district score',
    points: [
      { lon: sites.lon ?? [], lat: sites.lat ?? [], label: 'candidate', color: '#999', r: 2, titles: sites.names },
      { lon: kept.map((i) => sites.lon?.[i] ?? NaN), lat: kept.map((i) => sites.lat?.[i] ?? NaN), label: 'kept site', color: '#d62728', r: 4.5, titles: kept.map((i) => sites.names[i]) },
    ],
  }),
  { caption: 'Candidates and the kept shortlist' },
);
const top = Array.from(sites.rank).indexOf(1);
display(md`The top site is **${sites.ids[top]}** (${sites.names[top]}) with a score of **${sites.score[top]}**.`);
