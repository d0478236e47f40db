/**
 * A map for notebooks: polygons (optionally shaded by a value per polygon, e.g. a score) with
 * point layers on top, in a Mercator projection fitted to what is drawn; rings are wound for
 * d3-geo (geo/rewind.ts) so a district never becomes "the whole world minus the district".
 */
import * as Plot from '@observablehq/plot';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { AreaGeometry, PolygonLayer } from '../index.ts';
import type { LevelResult } from '../score/types.ts';
import { fittedHeight } from '../geo/fitted-height.ts';
import { rewindForD3 } from '../geo/rewind.ts';
import { plot } from './plot.ts';

export interface MapPoints {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** The legend entry. */
  label: string;
  color?: string;
  /** Dot radius in pixels [2]. */
  r?: number;
  /** Tooltip text per point. */
  titles?: readonly string[];
}

/** Values on a regular lon/lat grid (row-major from the south-west corner), e.g. a probability surface. */
export interface MapSurface {
  west: number;
  south: number;
  east: number;
  north: number;
  cols: number;
  rows: number;
  values: ArrayLike<number>;
  label: string;
}

export interface MapOptions {
  areas?: PolygonLayer;
  /** One value per polygon of `areas`; shades them (NaN: unshaded). */
  fill?: ArrayLike<number>;
  fillLabel?: string;
  /** Polygons drawn with a heavy outline (e.g. those the funnel kept). */
  highlight?: ArrayLike<number | boolean>;
  points?: MapPoints[];
  /** A grid of values drawn under the points (takes the colour scale; do not combine with `fill`). */
  surface?: MapSurface;
  width?: number;
  height?: number;
  scheme?: Plot.ColorScheme;
  /** A diverging colour scale around this value (e.g. 1 for a ratio to a norm). */
  pivot?: number;
  /** Flip the colour scheme. */
  reverse?: boolean;
}

const PALETTE = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];

export function map(options: MapOptions): ReturnType<typeof Plot.plot> {
  const width = options.width ?? 720;
  const areas = options.areas;
  type AreaFeature = Feature<AreaGeometry, { i: number }>;
  const features: AreaFeature[] = areas ? areas.geometries.map((g, i) => ({ type: 'Feature', properties: { i }, geometry: rewindForD3(g) })) : [];
  const collection: FeatureCollection<AreaGeometry, { i: number }> = { type: 'FeatureCollection', features };
  const marks: Plot.Markish[] = [];
  if (areas) {
    const value = (f: AreaFeature): number => options.fill?.[f.properties.i] ?? NaN;
    // Every polygon in grey first, so units without a value still show.
    marks.push(Plot.geo(collection, { fill: '#eee', stroke: '#999', strokeWidth: 0.5, title: (f: AreaFeature) => tooltip(areas, f.properties.i, NaN) }));
    if (options.fill) {
      const valued = features.filter((f) => !Number.isNaN(value(f)));
      marks.push(Plot.geo({ type: 'FeatureCollection', features: valued }, { fill: value, stroke: '#888', strokeWidth: 0.5, title: (f: AreaFeature) => tooltip(areas, f.properties.i, value(f)) }));
    }
    if (options.highlight) {
      const kept = features.filter((f) => Boolean(options.highlight?.[f.properties.i]));
      marks.push(Plot.geo({ type: 'FeatureCollection', features: kept }, { stroke: '#111', strokeWidth: 2 }));
    }
  }
  if (options.surface) {
    if (options.fill) throw new Error('map: give either fill (polygon values) or surface, not both; they would share one colour scale');
    marks.push(Plot.geo(surfaceCells(options.surface), { fill: (f: Feature<Polygon, { v: number }>) => f.properties.v, title: (f: Feature<Polygon, { v: number }>) => f.properties.v.toFixed(3) }));
    if (areas) marks.push(Plot.geo(collection, { stroke: '#555', strokeWidth: 0.6, fill: 'none' }));
  }
  const coordinates: Position[] = [];
  const legendOffset = 16 + 6.5 * Math.max(0, ...(options.points ?? []).map((p) => p.label.length));
  (options.points ?? []).forEach((p, k) => {
    const rows = Array.from({ length: p.lon.length }, (_, i) => ({ lon: p.lon[i], lat: p.lat[i], title: p.titles?.[i] ?? p.label }));
    for (const r of rows) coordinates.push([r.lon, r.lat]);
    const fill = p.color ?? PALETTE[k % PALETTE.length];
    const r = p.r ?? 2;
    marks.push(Plot.dot(rows, { x: 'lon', y: 'lat', r, fill, stroke: 'white', strokeWidth: 0.3, title: 'title' }));
    // A legend entry drawn in the map's corner (the colour scale is taken by the polygons).
    marks.push(Plot.dot([p.label], { frameAnchor: 'top-right', dx: -legendOffset - 10, dy: 8 + 16 * k, r: Math.max(r, 3), fill }));
    marks.push(Plot.text([p.label], { frameAnchor: 'top-right', dx: -legendOffset, dy: 8 + 16 * k, text: (d: string) => d, textAnchor: 'start', fontSize: 11 }));
  });
  const surfaceBox = options.surface && { type: 'MultiPoint' as const, coordinates: [[options.surface.west, options.surface.south], [options.surface.east, options.surface.north]] };
  const domain = surfaceBox ?? (areas ? collection : { type: 'MultiPoint' as const, coordinates });
  const colorLabel = options.surface?.label ?? options.fillLabel ?? 'value';
  return plot({
    width,
    height: options.height ?? fittedHeight(domain, width, { min: 120 }),
    projection: { type: 'mercator', domain },
    // Surfaces such as probabilities pile up near their source: a square-root scale shows the tail.
    color:
      options.fill || options.surface
        ? {
            type: options.pivot !== undefined ? 'diverging' : options.surface ? 'sqrt' : 'linear',
            ...(options.pivot !== undefined ? { pivot: options.pivot } : {}),
            scheme: options.scheme ?? (options.surface ? 'ylorrd' : 'viridis'),
            reverse: options.reverse ?? false,
            legend: true,
            label: colorLabel,
          }
        : undefined,
    marks,
  });
}

/** Grid cells as clockwise polygons, skipping cells without a value. */
function surfaceCells(g: MapSurface): FeatureCollection<Polygon, { v: number }> {
  const dx = (g.east - g.west) / g.cols;
  const dy = (g.north - g.south) / g.rows;
  const features: Feature<Polygon, { v: number }>[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = g.values[r * g.cols + c];
      if (!Number.isFinite(v)) continue;
      const x0 = g.west + c * dx;
      const y0 = g.south + r * dy;
      const ring: Position[] = [[x0, y0], [x0, y0 + dy], [x0 + dx, y0 + dy], [x0 + dx, y0], [x0, y0]];
      features.push({ type: 'Feature', properties: { v }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

function tooltip(areas: PolygonLayer, i: number, v: number): string {
  const name = areas.names[i] || areas.ids[i];
  return Number.isNaN(v) ? name : `${name}: ${v.toFixed(1)}`;
}

/**
 * A level's values laid onto the polygons of a layer, matched by id (a level holds only the units
 * it compared): NaN for polygons the level did not score. Default: the score.
 */
export function levelValues(areas: PolygonLayer, level: LevelResult, values: ArrayLike<number> = level.score): Float64Array {
  const at = new Map(level.ids.map((id, i) => [id, i]));
  return Float64Array.from(areas.ids, (id) => {
    const i = at.get(id);
    return i === undefined ? NaN : values[i];
  });
}
