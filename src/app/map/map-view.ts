/**
 * The map: the shown level's polygons coloured by score (or its sites as dots) with name and score
 * labels, point overlays, the basemap under everything, and on top a highlight layer (the selected
 * unit, its trade-area ring and Huff bands). Observable Plot draws the base with a Mercator
 * projection fitted to the drawing; a selection redraws only the highlight layer, so the base's
 * nodes stay put and a double-click always lands on the same map. What is under the pointer is
 * found from the geometry (hit-test.ts), not from the nearest centre.
 */
import * as Plot from '@observablehq/plot';
import { geoBounds, geoCircle, geoPath, type GeoProjection } from 'd3';
import type { FeatureCollection } from 'geojson';
import { t } from '../i18n/i18n.ts';
import type { FunnelResult } from '../worker/engine-types.ts';
import type { MapData, PointLayerKey } from '../worker/messages.ts';
import type { DrillPath } from '../state/drill-path.ts';
import { HUFF_THRESHOLDS, type HuffBand } from './huff-contours.ts';
import { basemapKinds, basemapMarks, BASEMAP_STYLES } from '../engine-api.ts';
import { hitUnit, PICK_RADIUS } from './hit-test.ts';
import { placeLabels, type LabelCandidate } from './labels.ts';
import { legendStrip, symbolPath, type LegendItem } from './map-legend.ts';
import { fitProjection, mapFrame, TITLE_HEIGHT, type Frame } from './map-frame.ts';
import { OVERLAY_STYLES, overlayMarks, type OverlayDatum, type Overlays } from './point-overlays.ts';
import { northArrow, scaleBar } from './scale-bar.ts';
import { scoreColour, type ScoreColour } from './score-colour.ts';
import { svgEl } from './svg.ts';
import { tradeAreaLegend, tradeAreaNodes } from './trade-area-layer.ts';
import { territoryLegend, territoryNodes, type TerritoryFeature } from './territory-layer.ts';
import { flowLegend, flowNodes, type Flow } from './forecast-flows.ts';
import type { TradeAreaCollection } from '../../network/bundle-trade-areas.ts';
import { shownUnits, type ShownUnits, type SiteDot, type UnitFeature } from './unit-features.ts';

export interface MapInput {
  map: MapData;
  funnel: FunnelResult | null;
  path: DrillPath;
  toggles: Record<PointLayerKey, boolean>;
  /** The map's title: level and area. */
  title: string;
  attribution: string;
}

export interface Highlight {
  selected: number;
  huff: HuffBand[] | null;
  ringMetres: number;
  /** What the title adds for the selected unit ('' none). */
  selectedTitle: string;
  /** New sites the last optimisation run chose (own outlets it kept are not drawn again). */
  chosen: { id: string; lon: number; lat: number }[];
  /** Trade areas over the streets drawn instead of the ring (trade-area-layer.ts). */
  tradeAreas?: TradeAreaCollection | null;
  /** Plan A's kept sites when two plans are compared (plan B's are the map's own). */
  planA: { id: string; lon: number; lat: number }[];
  /** The own outlets' territories, under everything else (territory-layer.ts). */
  territories?: TerritoryFeature[] | null;
  /** Own outlets the selected site takes customers from, with the amounts (forecast-flows.ts). */
  flows?: Flow[];
}

export interface MapHandlers {
  onSelect(unit: number): void;
  onDrill(unit: number): void;
  /** Back up one level (Escape / Backspace on the map). */
  onUp(): void;
  /** The id and label of point `index` of the layer held in the worker (DuckDB), for its tooltip. */
  heldPointName?(index: number): Promise<{ id: string; label: string }>;
}

const EARTH_DEGREES_PER_METRE = 180 / (Math.PI * 6_371_008.8);
const SELECT = '#d62728';
const HUFF = '#6a3d9a';
const RING_DASH = '5 3';
const CHOSEN = '#c51b7d';
const CHOSEN_R = 6;
const PLAN_A = '#e66101';
const PLAN_A_R = 7;
/** Numbers each drawing's clip path: ids must be unique on a page that holds several maps. */
let drawingClips = 0;

function tipText(d: { name: string; score: number; rank: number; kept: boolean; reason: string }): string {
  const score = Number.isFinite(d.score) ? d.score.toFixed(1) : '–';
  const verdict = d.rank > 0 ? `\n${d.kept ? t('breakdown.kept') : `${t('breakdown.notKept')} ${d.reason}`}` : '';
  return `${d.name}\n${t('table.score')}: ${score}${d.rank > 0 ? `\n${t('table.rank')}: ${d.rank}` : ''}${verdict}`;
}

/** The pixels a drawing gets: the host's box, at least 320 × 320 (a hidden host: 640 × 520). */
function hostSize(host: HTMLElement): [number, number] {
  return [Math.max(320, host.clientWidth || 640), Math.max(320, host.clientHeight || 520)];
}

export class MapView {
  svg: SVGSVGElement | null = null;
  private projection: GeoProjection | null = null;
  private shown: ShownUnits | null = null;
  private frame: Frame | null = null;
  private highlightLayer: SVGGElement | null = null;
  private titleText: SVGTextElement | null = null;
  private legendItems: LegendItem[] = [];
  private input: MapInput | null = null;
  private mark: Highlight = { selected: -1, huff: null, ringMetres: 1000, selectedTitle: '', chosen: [], planA: [] };
  private readonly tooltip: HTMLDivElement;
  private hoverFrame = 0;
  private resizeFrame = 0;
  /** Points drawn of the layer held in the worker, with their pixel positions; their names as looked up, per map. */
  private held: { key: PointLayerKey; points: OverlayDatum[]; xy: Float64Array } | null = null;
  private heldNames = new Map<number, string>();
  private heldNamesOf: MapData | null = null;

  constructor(readonly host: HTMLElement, private readonly handlers: MapHandlers) {
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tip';
    this.tooltip.hidden = true;
    host.tabIndex = 0;
    host.addEventListener('click', (e) => {
      const unit = this.unitAt(e.clientX, e.clientY);
      if (unit >= 0) handlers.onSelect(unit);
    });
    host.addEventListener('dblclick', (e) => {
      const unit = this.unitAt(e.clientX, e.clientY);
      if (unit >= 0) handlers.onDrill(unit);
    });
    host.addEventListener('pointermove', (e) => this.hover(e));
    host.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
    host.addEventListener('keydown', (e) => this.onKey(e));
    // A drawing is laid out for its frame's pixels (labels, legend, scale bar); when the window changes size
    // it is drawn again for the new frame rather than scaled, which shrank its text.
    new ResizeObserver(() => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => this.fitToHost());
    }).observe(host);
  }

  private fitToHost(): void {
    const { frame, input } = this;
    if (!frame || !input) return;
    const [width, height] = hostSize(this.host);
    if (Math.abs(width - frame.width) > 4 || Math.abs(height - frame.height) > 4) this.render(input, this.mark);
  }

  /** The units shown, best first (keyboard order). */
  unitsInOrder(): number[] {
    const s = this.shown;
    if (!s) return [];
    const all = s.sites.length > 0 ? s.sites : s.areas.filter((f) => f.properties.unit >= 0).map((f) => f.properties);
    return all.sort((a, b) => a.rank - b.rank).map((p) => p.unit);
  }

  /** Pixel position of a lon/lat in the map's SVG (for tests and keyboard focus). */
  project(lon: number, lat: number): [number, number] | null {
    return this.projection?.([lon, lat]) ?? null;
  }

  render(input: MapInput, mark: Highlight): SVGSVGElement | null {
    this.input = input;
    const shown = shownUnits(input.map, input.funnel, input.path);
    this.shown = shown;
    const extent: FeatureCollection = { type: 'FeatureCollection', features: [...shown.areas, ...shown.outline] };
    if (extent.features.length === 0 && shown.sites.length === 0) {
      this.svg = null;
      this.projection = null;
      this.host.replaceChildren(this.tooltip);
      return null;
    }
    const frame = mapFrame(...hostSize(this.host));
    const fitTo: FeatureCollection = extent.features.length > 0 ? extent : { type: 'FeatureCollection', features: shown.sites.map((s) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } })) };
    const projection = fitProjection(frame, fitTo);
    this.projection = projection;
    this.frame = frame;
    const bounds = geoBounds(fitTo) as [[number, number], [number, number]];
    const colour = scoreColour(shown.sites.length > 0 ? shown.sites.map((s) => s.score) : shown.areas.map((f) => f.properties.score));
    const area = shown.outline[0]?.geometry ?? null;
    const overlays = overlayMarks(input.map, input.toggles, bounds, area);
    this.heldPoints(overlays.held, projection, input.map);
    const marks: Plot.Markish[] = [
      Plot.geo(shown.outline, { fill: '#f4f4f0', stroke: '#333', strokeWidth: 1.5, className: 'unit-outline' }),
      Plot.geo(shown.areas, {
        fill: (f: UnitFeature) => colour.fill(f.properties.score, f.properties.kept),
        stroke: 'white',
        strokeWidth: 0.8,
        className: 'unit-areas',
      }),
      // Context over the fills (which are opaque) and under every mark that carries data.
      ...basemapMarks(input.map.basemap?.features ?? []),
      Plot.geo(shown.areas.filter((f) => f.properties.kept), { fill: 'none', stroke: '#1c1c1c', strokeWidth: 2, className: 'unit-kept' }),
      ...overlays.marks,
      Plot.dot(shown.sites, {
        x: 'lon',
        y: 'lat',
        r: (d: SiteDot) => (d.kept ? 5.5 : 3.5),
        fill: (d: SiteDot) => colour.fill(d.score, d.kept),
        stroke: (d: SiteDot) => (d.kept ? '#111' : '#8a8a8a'),
        strokeWidth: (d: SiteDot) => (d.kept ? 1.6 : 0.6),
        className: 'unit-sites',
        sort: (d: SiteDot) => -d.rank,
      }),
    ];
    // Margins = the drawing, so marks clipped to the frame (the basemap) stay out of the title and legend rows.
    const [[x0, y0], [x1, y1]] = frame.drawing;
    const margins = { marginLeft: x0, marginTop: y0, marginRight: frame.width - x1, marginBottom: frame.height - y1 };
    const plot = Plot.plot({ width: frame.width, height: frame.height, ...margins, projection, marks, style: { overflow: 'visible' } }) as SVGSVGElement;
    plot.setAttribute('role', 'img');
    plot.setAttribute('aria-label', t('map.label'));
    plot.setAttribute('font-family', 'system-ui, "Noto Sans CJK SC", sans-serif');
    plot.append(placeLabels(labelCandidates(shown, projection), frame.drawing));
    plot.append(scaleBar(projection, frame.drawing), northArrow(frame.drawing));
    // The selection's marks (flows from far outlets, trade areas, territories) stay inside the drawing,
    // out of the title and legend rows, as the basemap does.
    const clipId = `map-drawing-${++drawingClips}`;
    const clip = svgEl('clipPath', { id: clipId });
    clip.append(svgEl('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
    plot.append(clip);
    this.highlightLayer = svgEl('g', { class: 'highlight', 'pointer-events': 'none', 'clip-path': `url(#${clipId})` });
    plot.append(this.highlightLayer);
    this.titleText = svgEl('text', { class: 'map-title', 'text-anchor': 'start', x: 10, y: TITLE_HEIGHT - 9, 'font-size': 14, 'font-weight': 600, fill: '#1c1c1c' });
    plot.prepend(svgEl('rect', { x: 0, y: 0, width: frame.width, height: frame.height, fill: 'white' }));
    plot.append(this.titleText);
    this.legendItems = legendFor(colour, shown, input);
    this.svg = plot;
    this.host.replaceChildren(plot, this.tooltip);
    this.highlight(mark);
    return plot;
  }

  /** Redraws the selection only: its outline or dot, ring, Huff bands, the title and the legend. */
  highlight(mark: Highlight): void {
    this.mark = mark;
    const { projection, shown, highlightLayer, svg, frame, input } = this;
    if (!projection || !shown || !highlightLayer || !svg || !frame || !input) return;
    const path = geoPath(projection);
    const nodes: SVGElement[] = mark.territories ? territoryNodes(mark.territories, path) : [];
    const area = shown.areas.find((f) => f.properties.unit === mark.selected);
    if (area) nodes.push(svgEl('path', { d: path(area) ?? '', fill: 'none', stroke: SELECT, 'stroke-width': 3, class: 'selected-area' }));
    const site = shown.sites.find((s) => s.unit === mark.selected);
    for (const band of mark.huff ?? []) nodes.push(svgEl('path', { d: path(band) ?? '', fill: HUFF, 'fill-opacity': 0.13, stroke: HUFF, 'stroke-opacity': 0.5, class: 'huff-band' }));
    if (site && mark.tradeAreas) nodes.push(...tradeAreaNodes(mark.tradeAreas, path));
    if (site) {
      const ring = geoCircle().center([site.lon, site.lat]).radius(mark.ringMetres * EARTH_DEGREES_PER_METRE)();
      if (!mark.tradeAreas) nodes.push(svgEl('path', { d: path(ring) ?? '', fill: 'none', stroke: SELECT, 'stroke-width': 1.5, 'stroke-dasharray': RING_DASH, class: 'selected-ring' }));
      const p = projection([site.lon, site.lat]);
      if (mark.flows?.length) nodes.push(...flowNodes(mark.flows, site, projection));
      if (p) nodes.push(svgEl('circle', { cx: p[0], cy: p[1], r: 8, fill: 'none', stroke: SELECT, 'stroke-width': 2.5, class: 'selected-site' }));
    }
    for (const a of mark.planA) {
      const p = projection([a.lon, a.lat]);
      if (p) nodes.push(svgEl('path', { d: symbolPath('square', PLAN_A_R), transform: `translate(${p[0]},${p[1]})`, fill: 'none', stroke: PLAN_A, 'stroke-width': 2, class: 'plan-a-site' }));
    }
    for (const c of mark.chosen) {
      const p = projection([c.lon, c.lat]);
      if (!p) continue;
      nodes.push(svgEl('path', { d: symbolPath('diamond', CHOSEN_R), transform: `translate(${p[0]},${p[1]})`, fill: CHOSEN, stroke: 'white', 'stroke-width': 1.2, class: 'optimised-site' }));
      nodes.push(svgEl('text', { x: p[0] + 9, y: p[1] + 4, 'text-anchor': 'start', 'font-size': 11, 'font-weight': 600, fill: CHOSEN, stroke: 'white', 'stroke-width': 3, 'paint-order': 'stroke', class: 'optimised-label' }, c.id));
    }
    highlightLayer.replaceChildren(...nodes);
    if (this.titleText) this.titleText.textContent = mark.selectedTitle ? `${input.title} · ${mark.selectedTitle}` : input.title;
    const extra: LegendItem[] = mark.territories ? territoryLegend(mark.territories) : [];
    if (site && mark.tradeAreas) extra.push(...tradeAreaLegend(mark.tradeAreas));
    else if (site) extra.push({ kind: 'line', stroke: SELECT, strokeWidth: 1.5, dash: RING_DASH, label: `${t('map.ring')} ${formatMetres(mark.ringMetres)}` });
    if (site && mark.flows?.length) extra.push(flowLegend());
    if (mark.planA.length) extra.push({ kind: 'symbol', symbol: 'square', r: PLAN_A_R, fill: 'none', stroke: PLAN_A, strokeWidth: 2, label: t('map.planA') });
    if (mark.chosen.length) extra.push({ kind: 'symbol', symbol: 'diamond', r: CHOSEN_R, fill: CHOSEN, stroke: 'white', strokeWidth: 1.2, label: t('map.optimised') });
    if (mark.huff?.length) extra.push({ kind: 'area', fill: HUFF, opacity: 0.3, stroke: HUFF, strokeWidth: 0.8, label: `${t('map.huff')} ${HUFF_THRESHOLDS.map((p) => `${Math.round(p * 100)}`).join(' / ')} %` });
    svg.querySelector('.map-legend')?.remove();
    svg.append(legendStrip([...this.legendItems, ...extra], frame.width, frame.height, [input.attribution, input.map.basemap?.attribution ?? '']));
  }

  /** The unit under a pointer at client coordinates, -1 none. */
  unitAt(clientX: number, clientY: number): number {
    if (!this.svg || !this.projection || !this.shown) return -1;
    const box = this.svg.getBoundingClientRect();
    return hitUnit(this.shown, this.projection, clientX - box.left, clientY - box.top);
  }

  private hover(e: PointerEvent): void {
    const { clientX, clientY } = e;
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const unit = this.unitAt(clientX, clientY);
      // a scored site's dot over a held point, a held point over an area
      const onSite = unit >= 0 && this.shown?.sites.some((s) => s.unit === unit);
      const held = onSite ? -1 : this.heldAt(clientX, clientY);
      const props = unit < 0 || held >= 0 ? null : this.propsOf(unit);
      if (!props && held < 0) {
        this.tooltip.hidden = true;
        return;
      }
      const hostBox = this.host.getBoundingClientRect();
      this.tooltip.textContent = props ? tipText(props) : this.heldTip(held);
      this.tooltip.style.left = `${clientX - hostBox.left + 14}px`;
      this.tooltip.style.top = `${clientY - hostBox.top + 14}px`;
      this.tooltip.hidden = false;
      this.tooltip.dataset.held = props ? '' : String(held);
    });
  }

  /** Keeps the drawn points of the layer held in the worker, projected; names looked up stay while the map data does. */
  private heldPoints(held: Overlays['held'], projection: GeoProjection, map: MapData): void {
    if (this.heldNamesOf !== map) [this.heldNames, this.heldNamesOf] = [new Map(), map];
    if (!held) {
      this.held = null;
      return;
    }
    const xy = new Float64Array(held.points.length * 2).fill(NaN);
    held.points.forEach((d, k) => {
      const p = projection([d.lon, d.lat]);
      if (p) [xy[2 * k], xy[2 * k + 1]] = p;
    });
    this.held = { key: held.key, points: held.points, xy };
  }

  /** The layer index of the held point nearest a pointer within PICK_RADIUS, -1 none. */
  private heldAt(clientX: number, clientY: number): number {
    const { held, svg } = this;
    if (!held || !svg) return -1;
    const box = svg.getBoundingClientRect();
    const [x, y] = [clientX - box.left, clientY - box.top];
    let best = -1;
    let bestD = PICK_RADIUS * PICK_RADIUS;
    for (let k = 0; k < held.points.length; k++) {
      const d = (held.xy[2 * k] - x) ** 2 + (held.xy[2 * k + 1] - y) ** 2;
      if (d <= bestD) [best, bestD] = [held.points[k].index, d];
    }
    return best;
  }

  /** The tooltip of held point `index`: its name once the worker has said it (asked once), '…' until then. */
  private heldTip(index: number): string {
    const layer = t(OVERLAY_STYLES[this.held?.key ?? 'candidates'].label);
    const name = this.heldNames.get(index);
    if (name !== undefined) return `${layer}: ${name}`;
    const ask = this.handlers.heldPointName;
    if (ask) {
      this.heldNames.set(index, '…');
      const names = this.heldNames;
      ask(index).then(
        ({ id, label }) => {
          names.set(index, label ? `${id} · ${label}` : id);
          if (!this.tooltip.hidden && this.tooltip.dataset.held === String(index) && names === this.heldNames) this.tooltip.textContent = `${layer}: ${names.get(index)}`;
        },
        () => names.delete(index),
      );
    }
    return `${layer}: …`;
  }

  private propsOf(unit: number) {
    const s = this.shown;
    if (!s) return null;
    return s.sites.find((d) => d.unit === unit) ?? s.areas.find((f) => f.properties.unit === unit)?.properties ?? null;
  }

  private onKey(e: KeyboardEvent): void {
    const order = this.unitsInOrder();
    const pos = order.indexOf(this.mark.selected);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0 && order.length > 0) {
      e.preventDefault();
      this.handlers.onSelect(order[pos < 0 ? 0 : Math.min(order.length - 1, Math.max(0, pos + step))]);
    } else if (e.key === 'Enter' && this.mark.selected >= 0) {
      e.preventDefault();
      this.handlers.onDrill(this.mark.selected);
    } else if (e.key === 'Escape' || e.key === 'Backspace') {
      e.preventDefault();
      this.handlers.onUp();
    }
  }
}

function formatMetres(m: number): string {
  return m >= 1000 ? `${m / 1000} km` : `${m} m`;
}

/** Areas: name and score at the centroid, best first; sites: the kept ones' rank. */
function labelCandidates(shown: ShownUnits, projection: GeoProjection): LabelCandidate[] {
  const path = geoPath(projection);
  const areas = [...shown.areas].sort((a, b) => (a.properties.rank || Infinity) - (b.properties.rank || Infinity));
  const out: LabelCandidate[] = areas.map((f) => {
    const [x, y] = path.centroid(f);
    const p = f.properties;
    return { x, y, lines: Number.isFinite(p.score) ? [p.name, p.score.toFixed(1)] : [p.name], strong: true };
  });
  for (const s of [...shown.sites].filter((d) => d.kept).sort((a, b) => a.rank - b.rank)) {
    const p = projection([s.lon, s.lat]);
    if (p) out.push({ x: p[0], y: p[1] - 14, lines: [`#${s.rank} ${s.score.toFixed(1)}`] });
  }
  return out.filter((c) => Number.isFinite(c.x) && Number.isFinite(c.y));
}

function legendFor(colour: ScoreColour, shown: ShownUnits, input: MapInput): LegendItem[] {
  const items: LegendItem[] = [{ kind: 'ramp', colour, label: t('map.legend') }];
  const mid = (colour.domain[0] + colour.domain[1]) / 2;
  if (shown.sites.length > 0) {
    items.push({ kind: 'symbol', symbol: 'circle', r: 5.5, fill: colour.fill(mid, true), stroke: '#111', strokeWidth: 1.6, label: t('map.keptSite') });
    items.push({ kind: 'symbol', symbol: 'circle', r: 3.5, fill: colour.fill(mid, false), stroke: '#8a8a8a', strokeWidth: 0.6, label: t('map.cutSite') });
  } else {
    items.push({ kind: 'area', fill: colour.fill(mid, true), stroke: '#1c1c1c', strokeWidth: 2, label: t('map.kept') });
    items.push({ kind: 'area', fill: colour.fill(mid, false), stroke: 'white', strokeWidth: 0.8, label: t('map.cut') });
  }
  if (shown.outline.length > 0) items.push({ kind: 'area', fill: '#f4f4f0', stroke: '#333', strokeWidth: 1.5, label: t('map.outline') });
  for (const kind of basemapKinds(input.map.basemap?.features ?? [])) {
    const style = BASEMAP_STYLES[kind];
    const label = t(`map.basemap.${kind}`);
    items.push(style.fill === 'none' ? { kind: 'line', stroke: style.stroke, strokeWidth: style.strokeWidth + 0.4, ...(style.dash ? { dash: style.dash } : {}), label } : { kind: 'area', fill: style.fill, opacity: style.opacity, stroke: style.stroke, strokeWidth: style.strokeWidth, label });
  }
  for (const key of Object.keys(OVERLAY_STYLES) as PointLayerKey[]) {
    const style = OVERLAY_STYLES[key];
    if (input.toggles[key] && input.map.points[key]) items.push({ kind: 'symbol', symbol: style.symbol, r: style.r, fill: style.fill, stroke: style.stroke, label: t(style.label) });
  }
  return items;
}
