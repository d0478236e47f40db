/**
 * Workbench entry: restores the state from the URL, opens the sample bundle (or ?bundle=<folder>)
 * in the engine worker, draws the map as soon as the geometry arrives and the scores when the
 * funnel has run.
 */
import { parseScenario, type LoadedBundle } from './engine-api.ts';
import { byId } from './dom.ts';
import { wireExports } from './export/wire-exports.ts';
import { currentLang, dictionaryGaps, missingKeys, setLang, t, translateTree, type Lang } from './i18n/i18n.ts';
import { renderDataPanel } from './panels/data-panel.ts';
import { TerritoryLayer } from './map/territory-layer.ts';
import { renderOptimizePanel } from './panels/optimize-panel.ts';
import { decodeUrlState, encodeUrlState } from './state/state-url.ts';
import { loadFromBrowser, saveToBrowser, scenarioFromFile } from './state/scenario-storage.ts';
import { EngineClient } from './worker/engine-client.ts';
import { POINT_LAYERS, type PointLayerKey } from './worker/messages.ts';
import { Workbench } from './workbench.ts';
import { errorText, statusLine } from './status-line.ts';
import { renderLoadError } from './load-error.ts';

const isPointLayer = (layer: string): layer is PointLayerKey => (POINT_LAYERS as readonly string[]).includes(layer);
const engine = new EngineClient();
const bench = new Workbench(engine);
const say = statusLine();
const fail = (e: unknown): void => say('status.error', errorText(e));
bench.onStatus = say;
// Which distance kernel the engine settled on (pool of threads or one thread), for tests and benchmarks.
// When the worker's DuckDB holds the bundle's tables ('duckdb-tables'), for tests and benchmarks.
// Each status is also a performance mark ('engine:duckdb-ready' …), on the page's clock, for bench/first-map.ts.
engine.onStatus = (status) => {
  document.body.dataset.engine = status;
  performance.mark(`engine:${status}`);
};
engine.onKernel = (kernel) => {
  document.body.dataset.kernel = kernel.kind;
  document.body.dataset.kernelThreads = String(kernel.threads);
  document.body.dataset.kernelSimd = String(kernel.simd);
};

const params = new URLSearchParams(location.search);
const bundleUrl = new URL(params.get('bundle') ?? './data/sample/', location.href).href;
const fromUrl = decodeUrlState(location.hash);

// Language first, so the first paint is already in it.
const langSelect = byId<HTMLSelectElement>('lang-select');
const lang: Lang = fromUrl?.lang === 'zh' ? 'zh' : 'en';
langSelect.value = lang;
setLang(lang);
bench.state.lang = lang;
if (fromUrl?.toggles) bench.state.toggles = { ...bench.state.toggles, ...fromUrl.toggles };
langSelect.addEventListener('change', () => {
  bench.state.lang = langSelect.value === 'zh' ? 'zh' : 'en';
  setLang(bench.state.lang);
  bench.table.relabel();
  bench.renderAll();
});

let urlTimer = 0;
const address = (): string =>
  encodeUrlState({ lang: currentLang(), scenario: bench.state.scenario ?? undefined, ...bench.pathIds(), toggles: bench.state.toggles, view: bench.state.view, ...(bench.planA ? { planA: bench.planA.scenario } : {}) });
// Selections and weights update the address in place; a new level, area or view is a new entry,
// so Back and Forward move between views.
bench.onStateChange = () => {
  clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => history.replaceState(null, '', address()), 150);
};
bench.onNavigate = () => {
  clearTimeout(urlTimer);
  const next = address();
  if (next !== location.hash) history.pushState(null, '', next);
};
window.addEventListener('popstate', () => {
  // A replace still pending would write the view left behind into the entry just reached.
  clearTimeout(urlTimer);
  const state = decodeUrlState(location.hash);
  bench.restore({ region: state?.region, district: state?.district, selected: state?.selected, view: state?.view, planA: state?.planA }).catch(fail);
});

const applyScenario = (scenario: ReturnType<typeof parseScenario>): void => {
  bench.state.scenario = scenario;
  bench.run(scenario).catch(fail);
};
bench.scenarioHandlers = {
  onSaveBrowser: (s) => {
    saveToBrowser(s);
    say('scenario.saved');
  },
  onLoadBrowser: () => {
    try {
      const saved = loadFromBrowser();
      if (saved) applyScenario(saved);
      else say('scenario.nothingSaved');
    } catch (e) {
      fail(e);
    }
  },
  onOpenFile: (file) => scenarioFromFile(file).then(applyScenario, fail),
};

renderDataPanel(byId('data-panel'), {
  inspect: (file, layer) => engine.call<'inspection'>({ type: 'inspect', file, layer }).then((r) => r.inspection),
  propose: (files) => engine.call<'proposal'>({ type: 'propose', files }),
  count: (layer) => bench.mapData?.counts[layer] ?? 0,
  startCity: async (files) => {
    const attribution = t('proposal.attribution').replace('{files}', files.join(', '));
    const reply = await engine.call<'map'>({ type: 'newBundle', name: t('proposal.cityName'), attribution });
    bench.dataChanged(reply.map);
  },
  load: async (file, entry, progress, mode) => {
    const reply = await engine.call<'layer'>({ type: 'loadLayer', file, entry, mode }, (stage, f) => progress(stage === 'read' ? f * 0.7 : stage === 'parse' ? 0.7 + f * 0.2 : 0.9 + f * 0.1));
    // The imported layer shows at once; the scores no longer match the data: cleared until the funnel runs.
    if (isPointLayer(entry.layer)) bench.state.toggles = { ...bench.state.toggles, [entry.layer]: true };
    bench.dataChanged(reply.map);
    say('status.dataChanged');
    return { report: reply.report, sums: reply.sums, sumsBy: reply.sumsBy };
  },
});
// Optimisation and territories run in one-run workers on a copy of the engine's bundle, so the planner's imports count.
const engineBundle = (): Promise<LoadedBundle> => engine.call<'bundle'>({ type: 'bundle' }).then((r) => r.bundle);
renderOptimizePanel(byId('optimize-panel'), { bundle: engineBundle, scenario: () => bench.state.scenario, onResult: (sites) => bench.showOptimised(sites) });
bench.territoryLayer = new TerritoryLayer(engineBundle, () => bench.refreshHighlight());
byId('layer-toggles').after(bench.territoryLayer.control);
wireExports(bench);
translateTree(document);

async function scenarioToStart(): Promise<ReturnType<typeof parseScenario>> {
  if (fromUrl?.scenario) return parseScenario(fromUrl.scenario, 'scenario in the page link');
  const res = await fetch(new URL('scenario.json', bundleUrl));
  if (!res.ok) throw new Error(`no scenario.json beside the bundle at ${bundleUrl}`);
  return parseScenario(await res.json(), 'scenario.json');
}

async function boot(): Promise<void> {
  say('status.loading');
  const scenarioPromise = scenarioToStart();
  // Awaited below; a failure before then is reported once, by boot's catch.
  scenarioPromise.catch(() => undefined);
  const outline = await engine.call<'map'>({ type: 'loadOutline', baseUrl: bundleUrl });
  bench.setMapData(outline.map);
  const reply = await engine.call<'map'>({ type: 'loadBundle', baseUrl: bundleUrl }, (file, f) => say('status.loading', `${file} ${Math.round(f * 100)}%`));
  bench.setMapData(reply.map);
  const scenario = await scenarioPromise;
  // A shared comparison: plan A is run first, so plan B (the page's) is the engine's last run.
  const planA = fromUrl?.planA ? parseScenario(fromUrl.planA, 'plan A in the page link') : null;
  const planARun = planA ? await bench.planRuns.get(planA) : null;
  bench.state.scenario = scenario;
  await bench.run(scenario);
  bench.planA = planARun;
  bench.state.view = fromUrl?.view === 'shortlist' || fromUrl?.view === 'compare' ? fromUrl.view : 'ranking';
  bench.state.path = bench.resolvePath(fromUrl?.region, fromUrl?.district);
  bench.state.selected = bench.resolveSelected(fromUrl?.selected);
  bench.renderAll();
  performance.mark('funnel-ready');
  document.body.dataset.ready = 'true';
}

boot().catch((e: unknown) => {
  fail(e);
  // Nothing drawn yet: the bundle itself could not be opened. Say so where the map would be.
  if (!bench.mapData) renderLoadError(byId('map'), params.get('bundle') ?? './data/sample/', errorText(e));
});

// For tests and benchmarks: a handle on the running page (nothing secret, same origin only).
Object.assign(window, { workbench: bench, workbenchI18n: { missingKeys, dictionaryGaps } });
