/**
 * Trade areas over the streets for the selected site (issue 17): a choice beside the layer
 * toggles between the straight-line ring and the areas reached within 5, 10 and 15 minutes' walk
 * or drive (computed in the engine worker over the bundle's roads), drawn nested in the highlight
 * layer with the people, competitors and own outlets inside each in the legend.
 */
import type { GeoPermissibleObjects } from 'd3';
import type { TradeAreaCollection } from '../../network/bundle-trade-areas.ts';
import { el } from '../dom.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { formatNumber } from '../../format/number.ts';
import type { EngineClient } from '../worker/engine-client.ts';
import type { LegendItem } from './map-legend.ts';
import { svgEl } from './svg.ts';

export type TradeAreaMode = 'ring' | 'walk' | 'drive';
const MINUTES = [5, 10, 15];
/** Orange-brown: apart from the own outlets' green, the competitors' and selection's red and Huff's purple. */
const FILL = '#b35806';

export class TradeAreaLayer {
  mode: TradeAreaMode = 'ring';
  /** The areas and the site they belong to (a later selection makes them stale). */
  private shown: { key: string; areas: TradeAreaCollection | null } | null = null;
  private site: { key: string; lon: number; lat: number } | null = null;
  readonly control: HTMLElement;
  private readonly select: HTMLSelectElement;

  constructor(private readonly engine: EngineClient, private readonly redraw: () => void) {
    const select = el('select', { attrs: { 'data-trade-area': '' } }, (['ring', 'walk', 'drive'] as const).map((m) => el('option', { i18n: `tradeArea.${m}`, attrs: { value: m } })));
    this.select = select;
    select.addEventListener('change', () => {
      this.mode = select.value as TradeAreaMode;
      this.redraw();
      if (this.site) void this.load(this.site.key, this.site.lon, this.site.lat);
    });
    this.control = el('label', { className: 'toggles trade-area-choice' }, [el('span', { i18n: 'tradeArea.title', className: 'toggles-title' }), select]);
  }

  /** A site was selected (key: its id): fetch its areas for the current mode. */
  async load(key: string, lon: number, lat: number): Promise<void> {
    this.site = { key, lon, lat };
    if (this.mode === 'ring') return;
    const mode = this.mode;
    const slot = `${key}|${mode}`;
    if (this.shown?.key === slot) return;
    const reply = await this.engine.call<'tradeArea'>({ type: 'tradeArea', lon, lat, profile: mode, minutes: MINUTES });
    if (this.site?.key !== key || this.mode !== mode) return;
    if (reply.areas === null) {
      // No roads in the bundle: back to the ring, and the choice says why it is off.
      this.mode = this.select.value = 'ring';
      this.select.disabled = true;
      this.control.append(el('span', { i18n: 'tradeArea.noRoads', className: 'muted' }));
    }
    this.shown = { key: slot, areas: reply.areas };
    this.redraw();
  }

  /** What the map draws for site `key`: null for the ring (or while the areas are on their way). */
  areasFor(key: string | undefined): TradeAreaCollection | null {
    if (this.mode === 'ring' || key === undefined || this.shown?.key !== `${key}|${this.mode}`) return null;
    return this.shown.areas;
  }
}

/** Nested areas, widest first, so the nearer ones stack darker on top. */
export function tradeAreaNodes(areas: TradeAreaCollection, path: (o: GeoPermissibleObjects) => string | null): SVGElement[] {
  return [...areas.features].reverse().map((f) => svgEl('path', {
    d: path(f.geometry) ?? '', fill: FILL, 'fill-opacity': 0.14, stroke: FILL, 'stroke-opacity': 0.8, 'stroke-width': 1, class: 'trade-area', 'data-threshold': String(f.properties.threshold),
  }));
}

/** One legend line for all thresholds (the strip has room for few): minutes, then people, competitors, own outlets per threshold. */
export function tradeAreaLegend(areas: TradeAreaCollection): LegendItem[] {
  const props = areas.features.map((f) => f.properties);
  if (props.length === 0) return [];
  const per = (pick: (p: (typeof props)[number]) => number): string => props.map((p) => formatNumber(Math.round(pick(p)), { lang: currentLang() })).join(' / ');
  const how = t(props[0].profile === 'drive' ? 'tradeArea.byCar' : 'tradeArea.onFoot');
  return [{
    kind: 'area', fill: FILL, opacity: 0.3, stroke: FILL, strokeWidth: 1,
    label: `${per((p) => p.threshold)} ${t('tradeArea.minutes')} ${how}: ${per((p) => p.demand)} ${t('tradeArea.people')}; ${per((p) => p.competitors)} ${t('tradeArea.competitors')}; ${per((p) => p.own_outlets)} ${t('tradeArea.own')}`,
  }];
}
