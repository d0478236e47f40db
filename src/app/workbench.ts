/**
 * The page controller: holds the state, asks the engine worker for data and scores, and repaints
 * the views. The main thread only re-ranks (a few ms) and draws.
 */
import { funnelShortlist, parseScenario, type FunnelResult, type Scenario } from './engine-api.ts';
import { renderBreadcrumb } from './breadcrumb.ts';
import { byId } from './dom.ts';
import { renderLayerToggles } from './layer-toggles.ts';
import { Levels } from './levels.ts';
import { huffBands, type HuffBand } from './map/huff-contours.ts';
import { TradeAreaLayer } from './map/trade-area-layer.ts';
import type { TerritoryLayer } from './map/territory-layer.ts';
import { currentLang, t } from './i18n/i18n.ts';
import { MapView, type Highlight } from './map/map-view.ts';
import { renderBreakdown } from './panels/breakdown-chart.ts';
import { criterionLabel } from './panels/criterion-label.ts';
import { renderScenarioPanel, type ScenarioHandlers } from './panels/scenario-panel.ts';
import { renderSensitivityPanel } from './panels/sensitivity-panel.ts';
import { renderForecastPanel } from './panels/forecast-panel.ts';
import { UnscoredPanel } from './panels/unscored-panel.ts';
import { DetailTabs } from './panels/detail-tabs.ts';
import { formatNumber } from '../format/number.ts';
import type { Flow } from './map/forecast-flows.ts';
import { SqlFilterPanel } from './panels/sql-filter.ts';
import { initialState, type AppState, type TableView } from './state/app-state.ts';
import { drillInto, levelOf, shownLevel, type DrillPath } from './state/drill-path.ts';
import { PlanRuns, type Plan } from './state/plan-runs.ts';
import { CompareView } from './table/compare-view.ts';
import { RankedTable } from './table/ranked-table.ts';
import { reasonTexts } from './table/reason-text.ts';
import { ShortlistView } from './table/shortlist-view.ts';
import { TableTabs } from './table/table-tabs.ts';
import { errorText, type Say } from './status-line.ts';
import { unitsUnder } from './table/table-order.ts';
import type { EngineClient } from './worker/engine-client.ts';
import type { MapData } from './worker/messages.ts';

export class Workbench {
  readonly state: AppState = initialState();
  readonly levels = new Levels();
  mapData: MapData | null = null;
  readonly mapView: MapView;
  private huff: HuffBand[] | null = null;
  /** The selected site's transfers from own outlets, drawn as flows on the map. */
  private flows: Flow[] = [];
  /** New sites of the last optimisation run, drawn on the map. */
  private chosen: Highlight['chosen'] = [];
  private mapFrame = 0;
  private mapRest = 0;
  private runToken = 0;
  readonly table: RankedTable;
  readonly shortlist: ShortlistView;
  readonly tabs: TableTabs;
  readonly sqlFilter: SqlFilterPanel;
  readonly tradeArea: TradeAreaLayer;
  /** The own outlets' territories on the map, set by main.ts (it knows the bundle's address). */
  territoryLayer: TerritoryLayer | null = null;
  readonly compare: CompareView;
  readonly unscored = new UnscoredPanel(byId('unscored-panel'));
  readonly details = new DetailTabs({ breakdown: byId('breakdown-panel'), forecast: byId('forecast-panel') });
  /** Plan A of a comparison: its scenario and its funnel with the sites ranked as it showed them. */
  planA: Plan | null = null;
  /** Runs of the plans kept as A, so Back and Forward restore a comparison without running it again. */
  readonly planRuns = new PlanRuns((scenario) => this.engine.call<'funnel'>({ type: 'run', scenario }).then((r) => r.funnel));
  private restoring = 0;
  onStateChange: () => void = () => undefined;
  /** The view changed (level, area, shortlist): a new entry in the browser's history. */
  onNavigate: () => void = () => undefined;
  onStatus: Say = () => undefined;
  scenarioHandlers: Pick<ScenarioHandlers, 'onSaveBrowser' | 'onLoadBrowser' | 'onOpenFile'> | null = null;

  constructor(readonly engine: EngineClient) {
    this.table = new RankedTable({ onSelect: (u) => this.select(u), onDrill: (u) => this.drill(u) });
    this.tradeArea = new TradeAreaLayer(this.engine, () => this.mapView.highlight(this.highlight()));
    byId('layer-toggles').after(this.tradeArea.control);
    this.mapView = new MapView(byId('map'), {
      onSelect: (u) => this.select(u),
      onDrill: (u) => this.drill(u),
      onUp: () => this.up(),
      heldPointName: (index) => this.engine.call<'heldPoint'>({ type: 'heldPoint', index }),
    });
    this.shortlist = new ShortlistView((e) => this.openSite(e.site));
    this.tabs = new TableTabs((v) => this.setView(v));
    this.compare = new CompareView({ onKeep: () => this.keepPlanA(), onClear: () => this.setPlanA(null), onPick: (id) => this.openSiteId(id) });
    byId('table-panel').replaceChildren(this.tabs.root, this.table.root, this.shortlist.root, this.compare.root);
    this.sqlFilter = new SqlFilterPanel(byId('sql-filter-panel'), {
      check: (predicate) => this.engine.call<'filterCheck'>({ type: 'checkFilter', predicate }),
      apply: (s) => this.changeScenario(s),
    });
  }

  /** A setting changed for good: keep it and run the funnel again. */
  changeScenario(s: Scenario): void {
    this.state.scenario = s;
    this.onStateChange();
    void this.run(s).catch((e: unknown) => this.onStatus('status.error', errorText(e)));
  }

  get mapSvg(): SVGSVGElement | null {
    return this.mapView.svg;
  }

  get level(): 'region' | 'district' | 'site' {
    return levelOf(this.state.path);
  }

  /** The funnel as shown now (the shown level re-ranked for the current weights). */
  view() {
    return this.state.scenario ? this.levels.view(this.state.scenario, this.level) : null;
  }

  setMapData(map: MapData): void {
    this.mapData = map;
    byId('synthetic-badge').hidden = !map.synthetic;
    this.renderToggles();
    this.paintMap();
  }

  /** New layers loaded: draw them, drop the scores of the old data, back to the top level. */
  dataChanged(map: MapData): void {
    this.levels.clear();
    this.runToken++;
    this.state.path = { region: -1, district: -1 };
    this.state.selected = -1;
    this.huff = null;
    this.mapData = map;
    this.territoryLayer?.forget();
    byId('synthetic-badge').hidden = !map.synthetic;
    this.table.clear();
    this.renderAll();
  }

  /** Runs the funnel in the worker; a newer run supersedes an older one. */
  async run(scenario: Scenario): Promise<void> {
    const token = ++this.runToken;
    this.onStatus('status.scoring');
    let reply;
    try {
      reply = await this.engine.call<'funnel'>({ type: 'run', scenario });
    } catch (e) {
      // A newer run aborted this one in the worker: not an error for the planner.
      if (token !== this.runToken) return;
      throw e;
    }
    if (token !== this.runToken) return;
    const ids = this.pathIds();
    this.levels.setRun(reply.funnel, scenario);
    this.state.scenario = scenario;
    this.state.path = this.resolvePath(ids.region, ids.district);
    this.state.selected = this.resolveSelected(ids.selected);
    this.onStatus('status.ready', `${Math.round(reply.millis)} ms`);
    this.renderAll();
  }

  /** Ids along the current path (ids survive a re-run; indices need not). */
  pathIds(): { region?: string; district?: string; selected?: string } {
    const f = this.levels.funnel;
    if (!f) return {};
    const { level } = shownLevel(f, this.state.path);
    return {
      region: this.state.path.region >= 0 ? f.regions.ids[this.state.path.region] : undefined,
      district: this.state.path.district >= 0 ? f.districts.ids[this.state.path.district] : undefined,
      selected: this.state.selected >= 0 ? level.ids[this.state.selected] : undefined,
    };
  }

  resolvePath(region?: string, district?: string): DrillPath {
    const f = this.levels.funnel;
    if (!f || region === undefined) return { region: -1, district: -1 };
    const r = f.regions.ids.indexOf(region);
    const d = district === undefined ? -1 : f.districts.ids.indexOf(district);
    return { region: r, district: r >= 0 && d >= 0 && f.districts.parent[d] === r ? d : -1 };
  }

  resolveSelected(id?: string): number {
    const f = this.levels.funnel;
    if (!f || id === undefined) return -1;
    return shownLevel(f, this.state.path).level.ids.indexOf(id);
  }

  go(path: DrillPath, selected = -1): void {
    this.state.path = path;
    this.state.selected = selected;
    this.huff = null;
    this.renderAll();
    this.onNavigate();
    if (selected >= 0 && this.level === 'site') void this.loadHuff(selected);
  }

  /** One level up (the map's Escape, Backspace). */
  up(): void {
    const { region, district } = this.state.path;
    if (district >= 0) this.go({ region, district: -1 }, district);
    else if (region >= 0) this.go({ region: -1, district: -1 }, region);
  }

  /** Back or Forward: the view an address names, plan A of a comparison included, without a new history entry. */
  async restore(view: { region?: string; district?: string; selected?: string; view?: TableView; planA?: unknown }): Promise<void> {
    const token = ++this.restoring;
    const planA = view.planA === undefined ? null : await this.planRuns.get(parseScenario(view.planA, 'plan A in the page link'));
    if (token !== this.restoring) return;
    this.planA = planA;
    this.state.view = view.view ?? 'ranking';
    this.state.path = this.resolvePath(view.region, view.district);
    this.state.selected = this.resolveSelected(view.selected);
    this.huff = null;
    this.renderAll();
    if (this.state.selected >= 0 && this.level === 'site') void this.loadHuff(this.state.selected);
  }

  setView(view: TableView): void {
    this.state.view = view;
    this.renderTable();
    this.onNavigate();
  }

  /** A site of the shortlist: its district's sites on the map, the site selected. */
  openSite(site: number): void {
    const f = this.levels.funnel;
    if (!f) return;
    const district = f.sites.parent[site];
    const region = district >= 0 ? f.districts.parent[district] : -1;
    if (region < 0 || district < 0) return;
    this.go({ region, district }, site);
  }

  /** A site by id, if the funnel compared it (the Compare view's rows). */
  openSiteId(id: string): void {
    const site = this.levels.funnel?.sites.ids.indexOf(id) ?? -1;
    if (site >= 0) this.openSite(site);
  }

  /** The plan shown now becomes plan A of the comparison (its site ranking as shown). */
  keepPlanA(): void {
    const scenario = this.state.scenario;
    const funnel = scenario ? this.levels.view(scenario, 'site') : null;
    if (!scenario || !funnel) return;
    this.planRuns.remember({ scenario, funnel });
    this.setPlanA({ scenario, funnel });
  }

  /** Keeping or clearing plan A is a step in the view history: Back undoes it. */
  setPlanA(plan: Plan | null): void {
    this.planA = plan;
    this.renderTable();
    this.mapView.highlight(this.highlight());
    this.onNavigate();
  }

  drill(unit: number): void {
    const next = drillInto(this.state.path, unit);
    if (next) this.go(next);
    else this.select(unit);
  }

  select(unit: number): void {
    this.state.selected = unit;
    this.huff = null;
    this.flows = [];
    if (this.state.view === 'ranking') this.table.select(unit);
    else this.renderTable();
    this.renderBreakdown();
    const start = performance.now();
    this.mapView.highlight(this.highlight());
    performance.measure('highlight', { start });
    this.onStateChange();
    if (this.level === 'site') void this.loadHuff(unit);
  }

  private async loadHuff(unit: number): Promise<void> {
    const sites = this.levels.funnel?.sites;
    if (!sites?.lon || !sites.lat || !this.state.scenario) return;
    void this.tradeArea.load(sites.ids[unit], sites.lon[unit], sites.lat[unit]);
    void this.loadForecast(unit, sites.ids[unit]);
    const reply = await this.engine.call<'huff'>({ type: 'huff', lon: sites.lon[unit], lat: sites.lat[unit], scenario: this.state.scenario });
    if (this.state.selected !== unit || this.level !== 'site') return;
    this.huff = huffBands(reply.surface);
    this.mapView.highlight(this.highlight());
  }

  private async loadForecast(unit: number, siteId: string): Promise<void> {
    this.flows = [];
    this.details.setFigure('…');
    renderForecastPanel(byId('forecast-panel'), 'loading');
    const reply = await this.engine.call<'forecast'>({ type: 'forecast', siteId, scenario: this.state.scenario });
    if (this.state.selected !== unit || this.level !== 'site') return;
    renderForecastPanel(byId('forecast-panel'), reply);
    this.details.setFigure(reply.view ? formatNumber(Math.round(reply.view.forecast), { lang: currentLang() }) : '');
    this.flows = reply.view?.transfers ?? [];
    this.mapView.highlight(this.highlight());
  }

  /** A slider moved: re-rank the shown level and repaint the table now, the map on the next frame. */
  weightInput(scenario: Scenario): void {
    this.state.scenario = scenario;
    this.renderTable();
    this.renderBreakdown();
    // The table answers at once; the map follows when the slider rests, so dragging stays fluid.
    clearTimeout(this.mapRest);
    this.mapRest = window.setTimeout(() => this.paintMap(), 40);
  }

  renderAll(): void {
    renderBreadcrumb(byId('breadcrumb'), this.levels.funnel, this.state.path, (p) => this.go(p));
    this.renderScenario();
    this.renderTable();
    this.renderBreakdown();
    this.renderSensitivity();
    if (this.level !== 'site' || this.state.selected < 0) {
      renderForecastPanel(byId('forecast-panel'), null);
      this.details.setFigure('');
    }
    this.renderToggles();
    this.unscored.show(this.levels.funnel, this.mapData?.reports ?? []);
    this.paintMap();
    this.onStateChange();
  }

  renderSensitivity(): void {
    const f = this.view();
    const shown = f ? shownLevel(f, this.state.path) : null;
    const units = shown ? unitsUnder(shown.level, shown.parent) : new Int32Array(0);
    renderSensitivityPanel(byId('sensitivity-panel'), shown?.level ?? null, units, (level, subset, topK) =>
      this.engine.call<'sensitivity'>({
        type: 'sensitivity',
        normalised: level.criteria.map((c) => Float64Array.from(subset, (u) => c.normalised[u])),
        weights: level.criteria.map((c) => c.weight),
        ids: Array.from(subset, (u) => level.ids[u]),
        topK,
        combine: level.combine ?? 'sum',
      }),
    );
  }

  renderTable(): void {
    const f = this.view();
    const ranking = this.state.view === 'ranking';
    this.tabs.show(this.state.view);
    this.table.root.hidden = !ranking;
    this.shortlist.root.hidden = this.state.view !== 'shortlist';
    this.compare.root.hidden = this.state.view !== 'compare';
    if (!f || !this.state.scenario) return;
    const start = performance.now();
    if (this.state.view === 'compare') this.renderCompare(this.state.scenario);
    else if (ranking) {
      const { level, parent } = shownLevel(f, this.state.path);
      this.table.show(level, unitsUnder(level, parent), this.state.selected, reasonTexts(f, level), this.emptyText());
    } else {
      const sites = this.levels.view(this.state.scenario, 'site');
      if (sites) this.shortlist.show(funnelShortlist(sites, sites.sites), this.level === 'site' ? this.state.selected : -1);
    }
    performance.measure('table', { start });
  }

  private renderCompare(scenario: Scenario): void {
    const b = this.levels.view(scenario, 'site');
    const a = this.planA;
    const side = (f: FunnelResult, name: string) => ({ name, shortlist: funnelShortlist(f, f.sites), sites: f.sites });
    const f = this.view();
    const selected = f && this.level === 'site' && this.state.selected >= 0 ? shownLevel(f, this.state.path).level.ids[this.state.selected] : null;
    this.compare.show(a && side(a.funnel, a.scenario.name), b && side(b, scenario.name), selected ?? null, (c) => criterionLabel(scenario, c));
  }

  /** Why the shown area has nothing to rank: the funnel cut it one level up (and why). */
  emptyText(): string {
    const f = this.view();
    const { region, district } = this.state.path;
    if (!f || region < 0) return '';
    const [above, unit] = district >= 0 ? [f.districts, district] : [f.regions, region];
    if (above.kept[unit] === 1) return '';
    const name = above.names[unit] || above.ids[unit];
    return t(district >= 0 ? 'empty.districtCut' : 'empty.regionCut').replace('{name}', name).replace('{reason}', reasonTexts(f, above)(unit));
  }

  renderBreakdown(): void {
    const f = this.view();
    const level = f ? shownLevel(f, this.state.path).level : null;
    const reason = f && level && this.state.selected >= 0 ? reasonTexts(f, level)(this.state.selected) : '';
    renderBreakdown(byId('breakdown-panel'), level, this.state.selected, this.state.scenario, reason);
  }

  renderScenario(): void {
    this.sqlFilter.show(this.state.scenario);
    if (!this.state.scenario || !this.scenarioHandlers) return;
    const f = this.levels.funnel;
    const present = new Set(f ? shownLevel(f, this.state.path).level.criteria.map((c) => c.name) : this.state.scenario.criteria.map((c) => c.id));
    renderScenarioPanel(byId('scenario-panel'), this.state.scenario, this.level, present, {
      ...this.scenarioHandlers,
      onWeightInput: (s) => this.weightInput(s),
      onChange: (s) => this.changeScenario(s),
    });
  }

  renderToggles(): void {
    renderLayerToggles(byId('layer-toggles'), this.mapData, this.state.toggles, (key, on) => {
      this.state.toggles = { ...this.state.toggles, [key]: on };
      this.paintMap();
      this.onStateChange();
    });
  }

  /** Map repaints are coalesced to one per animation frame. */
  paintMap(): void {
    if (this.mapFrame) return;
    this.mapFrame = requestAnimationFrame(() => {
      this.mapFrame = 0;
      this.paintMapNow();
    });
  }

  /** An optimisation run finished (or started: []): draw its new sites on the map. */
  showOptimised(sites: { id: string; fixed: boolean; lon: number | null; lat: number | null }[]): void {
    this.chosen = sites.flatMap((s) => (!s.fixed && s.lon !== null && s.lat !== null ? [{ id: s.id, lon: s.lon, lat: s.lat }] : []));
    this.mapView.highlight(this.highlight());
  }

  mapTitle(): string {
    return areaTitle(this.view(), this.state.path);
  }

  /** What the highlight layer shows: the selection, its ring and Huff bands, its name for the title. */
  /** Redraws the selection layer (a map layer above the scores changed). */
  refreshHighlight(): void {
    this.mapView.highlight(this.highlight());
  }

  highlight(): Highlight {
    const f = this.view();
    const level = f ? shownLevel(f, this.state.path).level : null;
    const u = this.state.selected;
    const selectedTitle = level && u >= 0 && u < level.ids.length ? `${level.names[u] || level.ids[u]} ${level.score[u].toFixed(1)}` : '';
    const tradeAreas = this.level === 'site' ? this.tradeArea.areasFor(level?.ids[u]) : null;
    return { selected: u, huff: this.huff, ringMetres: ringRadius(this.state.scenario), selectedTitle, chosen: this.chosen, tradeAreas, planA: planAKept(this.planA?.funnel ?? null), territories: this.territoryLayer?.shown() ?? null, flows: this.level === 'site' ? this.flows : [] };
  }

  paintMapNow(): void {
    if (!this.mapData) return;
    const start = performance.now();
    const map = this.mapData;
    this.mapView.render({ map, funnel: this.view(), path: this.state.path, toggles: this.state.toggles, title: this.mapTitle(), attribution: map.attribution ?? '' }, this.highlight());
    performance.measure('map', { start });
    if (!performance.getEntriesByName('first-map').length) performance.mark('first-map');
    if (this.levels.funnel && !performance.getEntriesByName('first-scored-map').length) performance.mark('first-scored-map');
  }
}

/** The map's title: the level and the area it shows. */
function areaTitle(funnel: ReturnType<Workbench['view']>, path: DrillPath): string {
  const name = (l: { names: string[]; ids: string[] }, i: number): string => l.names[i] || l.ids[i];
  if (!funnel || path.region < 0) return t('map.title.region');
  if (path.district < 0) return t('map.title.district').replace('{area}', name(funnel.regions, path.region));
  return t('map.title.site').replace('{area}', name(funnel.districts, path.district));
}

/** The ring drawn around a selected site: the radius of the scenario's demand criterion. */
function ringRadius(scenario: Scenario | null): number {
  for (const c of scenario?.criteria ?? []) if ('radius' in c && c.kind === 'demand') return c.radius;
  return 1000;
}

/** Plan A's kept sites where they are, for the map. */
function planAKept(funnel: FunnelResult | null): Highlight['planA'] {
  const s = funnel?.sites;
  if (!funnel || !s?.lon || !s.lat) return [];
  const { lon, lat } = s;
  return funnelShortlist(funnel, s).map((e) => ({ id: e.id, lon: lon[e.site], lat: lat[e.site] }));
}
