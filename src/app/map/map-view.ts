/**
 * The map: the shown level's polygons coloured by score (or its sites as dots), point overlays,
 * and for a selected site its ring and Huff contours. Observable Plot with a Mercator projection
 * fitted to what is shown. Clicking a unit selects it; double-clicking drills into it.
 */
import * as Plot from '@observablehq/plot';
import { geoBounds, geoCircle } from 'd3';
import type { FeatureCollection } from 'geojson';
import { t } from '../i18n/i18n.ts';
import type { FunnelResult } from '../worker/engine-types.ts';
import type { MapData, PointLayerKey } from '../worker/messages.ts';
import type { DrillPath } from '../state/drill-path.ts';
import type { HuffBand } from './huff-contours.ts';
import { overlayMarks } from './point-overlays.ts';
import { shownUnits, type SiteDot, type UnitFeature } from './unit-features.ts';

export interface MapInput {
  map: MapData;
  funnel: FunnelResult | null;
  path: DrillPath;
  selected: number;
  toggles: Record<PointLayerKey, boolean>;
  huff: HuffBand[] | null;
  ringMetres: number;
}

export interface MapHandlers {
  onSelect(unit: number): void;
  onDrill(unit: number): void;
}

const COLOR = { type: 'linear', scheme: 'ylgnbu', domain: [0, 100], unknown: '#e4e4e4' } as const;
const EARTH_DEGREES_PER_METRE = 180 / (Math.PI * 6_371_008.8);

function tipText(d: { name: string; score: number; rank: number; kept: boolean; reason: string }): string {
  const score = Number.isFinite(d.score) ? d.score.toFixed(1) : '–';
  const verdict = d.rank > 0 ? `\n${d.kept ? t('breakdown.kept') : `${t('breakdown.notKept')} ${d.reason}`}` : '';
  return `${d.name}\n${t('table.score')}: ${score}${d.rank > 0 ? `\n${t('table.rank')}: ${d.rank}` : ''}${verdict}`;
}

export function renderMap(host: HTMLElement, input: MapInput, handlers: MapHandlers): SVGSVGElement | null {
  const shown = shownUnits(input.map, input.funnel, input.path);
  const extent: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...shown.areas, ...shown.outline],
  };
  if (extent.features.length === 0 && shown.sites.length === 0) {
    host.replaceChildren();
    return null;
  }
  const bounds = geoBounds(extent) as [[number, number], [number, number]];
  const selectedSite = input.selected >= 0 ? shown.sites.find((s) => s.unit === input.selected) : undefined;
  const selectedArea = input.selected >= 0 ? shown.areas.find((f) => f.properties.unit === input.selected) : undefined;
  const marks: Plot.Markish[] = [
    Plot.geo(shown.outline, { fill: '#f4f4f0', stroke: '#333', strokeWidth: 1.5 }),
    Plot.geo(shown.areas, {
      fill: (f: UnitFeature) => f.properties.score,
      stroke: 'white',
      strokeWidth: 0.8,
      title: (f: UnitFeature) => tipText(f.properties),
      tip: true,
      className: 'unit-areas',
    }),
    selectedArea ? Plot.geo([selectedArea], { stroke: '#d62728', strokeWidth: 2.5, fill: 'none', className: 'selected-area' }) : null,
    input.huff ? Plot.geo(input.huff, { fill: '#6a3d9a', fillOpacity: 0.14, stroke: '#6a3d9a', strokeOpacity: 0.5, className: 'huff-bands' }) : null,
    ...overlayMarks(input.map, input.toggles, bounds),
    Plot.dot(shown.sites, {
      x: 'lon',
      y: 'lat',
      r: 4,
      fill: (d: SiteDot) => d.score,
      stroke: '#222',
      strokeWidth: 0.5,
      title: (d: SiteDot) => tipText(d),
      tip: true,
      className: 'unit-sites',
    }),
    selectedSite
      ? Plot.geo(geoCircle().center([selectedSite.lon, selectedSite.lat]).radius(input.ringMetres * EARTH_DEGREES_PER_METRE)(), {
          stroke: '#d62728',
          strokeDasharray: '5 3',
          strokeWidth: 1.5,
          fill: 'none',
          className: 'selected-ring',
        })
      : null,
    selectedSite ? Plot.dot([selectedSite], { x: 'lon', y: 'lat', r: 7, stroke: '#d62728', strokeWidth: 2.5 }) : null,
  ];
  const width = Math.max(320, host.clientWidth || 640);
  const height = Math.max(320, host.clientHeight || 520);
  const plot = Plot.plot({
    width,
    height,
    projection: { type: 'mercator', domain: shown.sites.length > 0 && extent.features.length === 0 ? undefined : extent, inset: 12 },
    color: { ...COLOR, label: t('map.legend') },
    marks,
  }) as SVGSVGElement & { value?: unknown };
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-label', t('map.label'));
  const unitOf = (): number => {
    const v = plot.value as { properties?: { unit?: number }; unit?: number } | null | undefined;
    const unit = v?.properties?.unit ?? v?.unit;
    return typeof unit === 'number' ? unit : -1;
  };
  plot.addEventListener('click', () => {
    const unit = unitOf();
    if (unit >= 0) handlers.onSelect(unit);
  });
  plot.addEventListener('dblclick', () => {
    const unit = unitOf();
    if (unit >= 0) handlers.onDrill(unit);
  });
  const legend = document.createElement('div');
  legend.className = 'map-legend';
  legend.append(Plot.legend({ color: { ...COLOR, label: t('map.legend') } }));
  host.replaceChildren(plot, legend);
  return plot;
}
