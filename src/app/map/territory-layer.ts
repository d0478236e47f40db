/**
 * The own outlets' territories on the map (issue 16, 窜货): a checkbox beside the layer toggles;
 * the first time it is ticked a one-off worker (worker/optimize-territories.ts) gives every outlet
 * the demand nearest to it and returns the territories as polygons cut to the study area; they are
 * drawn under the selection, each outlet's in its own colour (data-outlet names it). Unticked,
 * nothing is drawn.
 */
import type { GeoPermissibleObjects } from 'd3';
import { schemeTableau10 } from 'd3';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { rewindForD3 } from '../../geo/rewind.ts';
import type { LoadedBundle, TerritoryProperties } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { LegendItem } from './map-legend.ts';
import { svgEl } from './svg.ts';

export type TerritoryFeature = Feature<Polygon | MultiPolygon, TerritoryProperties>;

export type FromTerritoryWorker = { kind: 'territories'; features: TerritoryFeature[] } | { kind: 'error'; message: string };

export class TerritoryLayer {
  readonly control: HTMLElement;
  private readonly box: HTMLInputElement;
  private readonly note: HTMLElement;
  private features: TerritoryFeature[] | null = null;
  private loading = false;

  /** `bundle`: the bundle as the engine worker holds it now, imports included. */
  constructor(private readonly bundle: () => Promise<LoadedBundle>, private readonly redraw: () => void) {
    this.box = el('input', { attrs: { type: 'checkbox', id: 'territory-toggle' } });
    this.note = el('span', { className: 'muted', attrs: { id: 'territory-note', role: 'status' } });
    this.box.addEventListener('change', () => {
      if (this.box.checked && !this.features && !this.loading) this.load();
      this.redraw();
    });
    this.control = el('label', { className: 'toggles territory-choice' }, [this.box, el('span', { i18n: 'territory.toggle' }), this.note]);
  }

  /** The layers changed (an import, a new city): territories are worked out again when next shown. */
  forget(): void {
    this.features = null;
    delete this.control.dataset.count;
    if (this.box.checked && !this.loading) this.load();
  }

  private load(): void {
    this.loading = true;
    this.note.replaceChildren(el('span', { text: ' ' }), el('span', { i18n: 'territory.working' }));
    const worker = new Worker(new URL('../worker/optimize-territories.ts', import.meta.url), { type: 'module', name: 'siteselect-territories' });
    worker.addEventListener('message', (e: MessageEvent<FromTerritoryWorker>) => {
      worker.terminate();
      this.loading = false;
      if (e.data.kind === 'territories') {
        this.features = e.data.features;
        this.note.replaceChildren();
        this.control.dataset.count = String(e.data.features.length);
      } else {
        this.note.replaceChildren(el('span', { text: ` ${e.data.message}` }));
        this.box.checked = false;
      }
      this.redraw();
    });
    this.bundle().then(
      (bundle) => worker.postMessage({ bundle }),
      (error: unknown) => {
        worker.terminate();
        this.loading = false;
        this.note.replaceChildren(el('span', { text: ` ${error instanceof Error ? error.message : String(error)}` }));
        this.box.checked = false;
      },
    );
  }

  /** What the map draws: the territories while the box is ticked and they have arrived. */
  shown(): TerritoryFeature[] | null {
    return this.box.checked ? this.features : null;
  }
}

export function territoryNodes(features: TerritoryFeature[], path: (o: GeoPermissibleObjects) => string | null): SVGElement[] {
  return features.map((f, k) => {
    const colour = schemeTableau10[k % schemeTableau10.length];
    // Turf writes GeoJSON's anticlockwise rings; d3-geo would read them as the rest of the sphere.
    return svgEl('path', { d: path(rewindForD3(f.geometry)) ?? '', fill: colour, 'fill-opacity': 0.16, stroke: '#555', 'stroke-opacity': 0.7, 'stroke-width': 0.6, class: 'territory', 'data-outlet': f.properties.outlet });
  });
}

export function territoryLegend(features: TerritoryFeature[]): LegendItem[] {
  return [{ kind: 'area', fill: schemeTableau10[0], opacity: 0.3, stroke: '#555', strokeWidth: 0.6, label: `${t('territory.legend')} (${features.length})` }];
}
