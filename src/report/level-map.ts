/**
 * One funnel level as a map (Observable Plot geo marks, Mercator fitted to what the level compared):
 * polygons coloured by score (the level’s own range) with a legend, the bundle's basemap over the
 * fills (translucent), kept units outlined, names and scores on top; the site level draws the kept districts (named) under the sites, each site a dot
 * coloured by its score.
 */
import * as Plot from '@observablehq/plot';
import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, MultiPoint } from 'geojson';
import type { BasemapFeature } from '../data/basemap.ts';
import type { AreaGeometry, PolygonLayer } from '../data/layer.ts';
import { fittedHeight } from '../geo/fitted-height.ts';
import { rewindForD3 } from '../geo/rewind.ts';
import type { LevelResult } from '../score/types.ts';
import { basemapMarks } from './basemap-marks.ts';
import { formatScore } from './format-score.ts';
import { placeLabelBoxes } from './label-layout.ts';
import { plotMarkup } from './plot-markup.ts';

type Area = Feature<AreaGeometry, { name: string; title: string; score: number; rank: number; kept: boolean }>;
type Domain = FeatureCollection<AreaGeometry> | MultiPoint;

const WIDTH = 760;
/** Dots drawn at most on the site map (best first); a lattice can hold far more sites. */
export const MAX_SITE_DOTS = 3000;

// The level's own score range (not 0–100): the units compared often span a narrow band.
const COLOR: Plot.ScaleOptions = { type: 'linear', scheme: 'viridis', legend: true, label: 'score' };

/** The level's units that have a polygon in `layer`, matched by id. */
function areas(layer: PolygonLayer, level: LevelResult, include: (i: number) => boolean = () => true): Area[] {
  const at = new Map(layer.ids.map((id, k) => [id, k]));
  const out: Area[] = [];
  level.ids.forEach((id, i) => {
    const k = at.get(id);
    if (k === undefined || !include(i)) return;
    const name = level.names[i] || id;
    out.push({ type: 'Feature', geometry: rewindForD3(layer.geometries[k]), properties: { name, title: `${name}: ${formatScore(level.score[i])}`, score: level.score[i], rank: level.rank[i], kept: level.kept[i] === 1 } });
  });
  return out;
}

const byRank = (features: Area[]): Area[] => [...features].sort((a, b) => a.properties.rank - b.properties.rank);

const collection = (features: Area[]): FeatureCollection<AreaGeometry> => ({ type: 'FeatureCollection', features });

/**
 * Labels at the areas' centres that do not collide (best first), drawn last with a white halo so
 * they read over every other mark. Placed with the Mercator fit Plot makes of the same domain.
 */
function labelMarks(domain: Domain, height: number, labelled: { feature: Area; lines: string[] }[]): Plot.Markish[] {
  const projection = geoMercator().fitSize([WIDTH, height], domain);
  const path = geoPath(projection);
  const candidates = labelled.map(({ feature, lines }) => {
    const [x, y] = path.centroid(feature);
    return { x, y, lines, at: projection.invert?.([x, y]) ?? [NaN, NaN] };
  });
  const placed = placeLabelBoxes(candidates, [[0, 0], [WIDTH, height]]);
  if (placed.length === 0) return [];
  return [Plot.text(placed, { x: (d: (typeof placed)[number]) => d.at[0], y: (d: (typeof placed)[number]) => d.at[1], text: (d: (typeof placed)[number]) => d.lines.join('\n'), fontSize: 11, fontWeight: 600, fill: '#1c1c1c', stroke: 'white', strokeWidth: 3, lineHeight: 1.15, className: 'map-label' })];
}

function draw(document: Document, domain: Domain, marks: Plot.Markish[], labelled: { feature: Area; lines: string[] }[] = []): string {
  const height = fittedHeight(domain, WIDTH, { min: 160, max: 560 });
  return plotMarkup(document, { width: WIDTH, height, projection: { type: 'mercator', domain }, color: COLOR, marks: [...marks, ...labelMarks(domain, height, labelled)] });
}

/** Regions or districts: scored polygons coloured, kept ones outlined; null when nothing to draw. */
export function areaLevelMap(document: Document, layer: PolygonLayer | undefined, level: LevelResult, basemap: readonly BasemapFeature[] = []): string | null {
  if (!layer) return null;
  const features = areas(layer, level);
  if (features.length === 0) return null;
  const kept = features.filter((f) => f.properties.kept);
  return draw(document, collection(features), [
    Plot.geo(collection(features), { fill: (f: Area) => f.properties.score, stroke: '#fff', strokeWidth: 0.5, title: (f: Area) => f.properties.title }),
    ...basemapMarks(basemap),
    // Many small kept units (a city's tracts) would drown in heavy outlines.
    Plot.geo(collection(kept), { fill: 'none', stroke: '#111', strokeWidth: kept.length > 40 ? 1 : 2 }),
  ], byRank(features).map((feature) => ({ feature, lines: [feature.properties.name, formatScore(feature.properties.score)] })));
}

/** Sites as dots coloured by score over the kept districts (kept sites larger, outlined); null when no sites. */
export function siteLevelMap(document: Document, districtLayer: PolygonLayer | undefined, districts: LevelResult, sites: LevelResult, basemap: readonly BasemapFeature[] = []): string | null {
  const { lon, lat } = sites;
  if (!lon || !lat || sites.ids.length === 0) return null;
  const order = Array.from(sites.ids.keys()).sort((a, b) => sites.rank[a] - sites.rank[b]).slice(0, MAX_SITE_DOTS);
  // Worst first, so the best sites are drawn on top.
  const dots = order.reverse().map((i) => ({ lon: lon[i], lat: lat[i], score: sites.score[i], kept: sites.kept[i] === 1, title: `${sites.names[i] || sites.ids[i]}: ${formatScore(sites.score[i])}` }));
  const keptDistricts = districtLayer ? areas(districtLayer, districts, (i) => districts.kept[i] === 1) : [];
  const domain: Domain = keptDistricts.length > 0 ? collection(keptDistricts) : { type: 'MultiPoint', coordinates: dots.map((d) => [d.lon, d.lat]) };
  const marks: Plot.Markish[] = [];
  if (keptDistricts.length > 0) marks.push(Plot.geo(collection(keptDistricts), { fill: '#f2f2f2', stroke: '#888', strokeWidth: 0.8, title: (f: Area) => f.properties.title }));
  marks.push(...basemapMarks(basemap));
  marks.push(
    Plot.dot(dots.filter((d) => !d.kept), { x: 'lon', y: 'lat', r: 2.5, fill: 'score', stroke: '#fff', strokeWidth: 0.3, title: 'title' }),
    Plot.dot(dots.filter((d) => d.kept), { x: 'lon', y: 'lat', r: 5, fill: 'score', stroke: '#111', strokeWidth: 1.2, title: 'title' }),
  );
  return draw(document, domain, marks, byRank(keptDistricts).map((feature) => ({ feature, lines: [feature.properties.name] })));
}
