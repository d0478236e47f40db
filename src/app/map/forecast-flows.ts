/**
 * The selected site's transfers drawn on the map: a line from each own outlet it takes customers
 * from to the site, its width proportional to the amount (the largest 6 px), so a planner sees
 * which branches a new site would draw from (issue 15; figures from worker/forecast-site.ts).
 */
import type { GeoProjection } from 'd3';
import { t } from '../i18n/i18n.ts';
import type { LegendItem } from './map-legend.ts';
import { svgEl } from './svg.ts';

export interface Flow {
  lon: number;
  lat: number;
  amount: number;
}

const FLOW = '#e6550d';
const WIDEST = 6;

export function flowNodes(flows: Flow[], site: { lon: number; lat: number }, projection: GeoProjection): SVGElement[] {
  const to = projection([site.lon, site.lat]);
  const largest = Math.max(...flows.map((f) => f.amount), 0);
  if (!to || !(largest > 0)) return [];
  return flows.flatMap((f) => {
    const from = projection([f.lon, f.lat]);
    if (!from) return [];
    return [svgEl('line', { x1: from[0], y1: from[1], x2: to[0], y2: to[1], stroke: FLOW, 'stroke-opacity': 0.75, 'stroke-linecap': 'round', 'stroke-width': Math.max(1, (WIDEST * f.amount) / largest), class: 'forecast-flow' })];
  });
}

export function flowLegend(): LegendItem {
  return { kind: 'line', stroke: FLOW, strokeWidth: 3, label: t('forecast.flows') };
}
