/**
 * The report's trade areas (issue 17): for the best kept site, the areas reached within 5, 10 and
 * 15 minutes on foot and by car over the bundle's streets: the walking areas on a map, and a table of the people, competitors and own outlets inside each. Computed
 * before the report is drawn (the street graphs are built asynchronously: reportTradeAreas in
 * Node, leadTradeAreas through the engine worker in the page, which holds the roads) and left out
 * when the bundle has no roads or nothing is kept.
 */
import * as Plot from '@observablehq/plot';
import type { LoadedBundle } from '../data/layer.ts';
import { formatNumber } from '../format/number.ts';
import { bundleTradeAreas, type TradeAreaCollection } from '../network/bundle-trade-areas.ts';
import type { FunnelResult } from '../score/types.ts';
import { escapeHtml, figure, td, th } from './html.ts';
import { leadSites } from './lead-site.ts';
import { plotMarkup } from './plot-markup.ts';

const MINUTES = [5, 10, 15];
const PROFILES = ['walk', 'drive'] as const;

export interface ReportTradeAreas {
  site: { id: string; name: string; lon: number; lat: number };
  areas: { profile: (typeof PROFILES)[number]; collection: TradeAreaCollection }[];
}

/** One site's areas for a profile, or null when there are no streets (how the page asks its engine worker). */
export type AreasOf = (site: { lon: number; lat: number }, profile: (typeof PROFILES)[number], minutes: number[]) => Promise<TradeAreaCollection | null>;

/**
 * The best kept site's walking and driving areas, each computed by `areasOf`, or undefined
 * (nothing kept, no positions, no streets): the one choice of site, profiles and minutes the CLI
 * and the page share.
 */
export async function leadTradeAreas(result: FunnelResult, areasOf: AreasOf): Promise<ReportTradeAreas | undefined> {
  const kept = leadSites(result).kept;
  const { lon, lat } = result.sites;
  if (!kept || !lon || !lat) return undefined;
  const site = { id: kept.id, name: kept.name, lon: lon[kept.site], lat: lat[kept.site] };
  const areas: ReportTradeAreas['areas'] = [];
  for (const profile of PROFILES) {
    const collection = await areasOf(site, profile, MINUTES);
    if (!collection) return undefined;
    areas.push({ profile, collection });
  }
  return { site, areas };
}

/** The best kept site's walking and driving areas over the bundle's streets, or undefined (no roads, nothing kept, no positions). */
export function reportTradeAreas(bundle: LoadedBundle, result: FunnelResult): Promise<ReportTradeAreas | undefined> {
  if (!bundle.roads) return Promise.resolve(undefined);
  return leadTradeAreas(result, (site, profile, minutes) => bundleTradeAreas(bundle, site, profile, 'time', minutes));
}

/** The walking areas on a map fitted to the widest of them (driving areas cover a city: table only). */
function areasMap(document: Document, t: ReportTradeAreas): string | null {
  const walk = t.areas.find((a) => a.profile === 'walk')?.collection;
  const widest = walk?.features.at(-1);
  if (!walk || !widest || widest.geometry.coordinates.length === 0) return null;
  return plotMarkup(document, {
    width: 480,
    height: 400,
    projection: { type: 'mercator', domain: widest, inset: 10 },
    marks: [
      Plot.geo([...walk.features].reverse(), { fill: '#b35806', fillOpacity: 0.2, stroke: '#b35806', strokeWidth: 0.8 }),
      Plot.dot([t.site], { x: 'lon', y: 'lat', r: 6, fill: '#d62728', stroke: 'white', strokeWidth: 1.5 }),
    ],
  });
}

export function tradeAreaSection(document: Document, t: ReportTradeAreas | undefined): string {
  if (!t) return '';
  const rows = t.areas.flatMap(({ profile, collection }) => collection.features.map(({ properties: p }) => `<tr>${td(profile === 'walk' ? 'on foot' : 'by car')}${td(`${p.threshold} min`, true)}${td(formatNumber(Math.round(p.demand)), true)}${td(String(p.competitors), true)}${td(String(p.own_outlets), true)}</tr>`));
  const title = `${t.site.id}${t.site.name === t.site.id ? '' : ` ${t.site.name}`}`;
  return `<section id="trade-areas"><h2>Trade areas of ${escapeHtml(title)} over the streets</h2>
<p>Where customers reach the best kept site from within 5, 10 and 15 minutes, walking and driving the bundle's street network (one-way streets count when driving), and who lives and trades inside each area. A customer is counted when their own trip to the site fits the time, so the numbers match the network criteria.</p>
${figure(areasMap(document, t), 'Reached on foot within 5, 10 and 15 minutes (darker nearer); the red dot is the site. Driving areas span much of the city: numbers in the table.')}
<table id="trade-area-table"><thead><tr>${th('travel')}${th('within', true)}${th('people', true)}${th('competitors', true)}${th('own outlets', true)}</tr></thead>
<tbody>${rows.join('')}</tbody></table>
</section>`;
}
