/**
 * A map for notebooks: polygons (optionally shaded by a value per polygon, e.g. a score) with
 * point layers on top, in a Mercator projection fitted to what is drawn. Plot's geo marks use
 * d3-geo, which reads a ring's winding as "inside" (clockwise exterior), while GeoJSON files
 * usually wind the other way; rings are turned here so a district never becomes "the whole
 * world minus the district".
 */
import * as Plot from '@observablehq/plot';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaGeometry, PolygonLayer } from '../index.ts';
import { plot } from './index.ts';

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

export interface MapOptions {
  areas?: PolygonLayer;
  /** One value per polygon of `areas`; shades them (NaN: unshaded). */
  fill?: ArrayLike<number>;
  fillLabel?: string;
  /** Polygons drawn with a heavy outline (e.g. those the funnel kept). */
  highlight?: ArrayLike<number | boolean>;
  points?: MapPoints[];
  width?: number;
  height?: number;
  scheme?: Plot.ColorScheme;
}

const PALETTE = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];

export function map(options: MapOptions): ReturnType<typeof Plot.plot> {
  const areas = options.areas;
  const features: Feature<AreaGeometry, { i: number }>[] = areas ? areas.geometries.map((g, i) => ({ type: 'Feature', properties: { i }, geometry: clockwise(g) })) : [];
  const collection: FeatureCollection<AreaGeometry, { i: number }> = { type: 'FeatureCollection', features };
  const marks: Plot.Markish[] = [];
  if (areas) {
    const value = (f: Feature<AreaGeometry, { i: number }>): number | null => {
      const v = options.fill?.[f.properties.i];
      return v === undefined || Number.isNaN(v) ? null : v;
    };
    marks.push(Plot.geo(collection, { fill: options.fill ? value : '#f2f2f2', stroke: '#888', strokeWidth: 0.5, title: (f: Feature<AreaGeometry, { i: number }>) => tooltip(areas, f.properties.i, value(f)) }));
    if (options.highlight) {
      const kept = collection.features.filter((f) => Boolean(options.highlight?.[f.properties.i]));
      marks.push(Plot.geo({ type: 'FeatureCollection', features: kept }, { stroke: '#111', strokeWidth: 2 }));
    }
  }
  const dots: { lon: number; lat: number; layer: string; title: string }[] = [];
  (options.points ?? []).forEach((p, k) => {
    const rows = Array.from({ length: p.lon.length }, (_, i) => ({ lon: p.lon[i], lat: p.lat[i], layer: p.label, title: p.titles?.[i] ?? p.label }));
    dots.push(...rows);
    marks.push(Plot.dot(rows, { x: 'lon', y: 'lat', r: p.r ?? 2, fill: p.color ?? PALETTE[k % PALETTE.length], stroke: 'white', strokeWidth: 0.3, symbol: 'layer', title: 'title' }));
  });
  const domain = areas ? collection : pointsDomain(dots);
  return plot({
    width: options.width ?? 720,
    height: options.height,
    projection: { type: 'mercator', domain },
    color: options.fill ? { type: 'linear', scheme: options.scheme ?? 'viridis', legend: true, label: options.fillLabel ?? 'value' } : undefined,
    symbol: dots.length ? { legend: true } : undefined,
    marks,
  });
}

function tooltip(areas: PolygonLayer, i: number, v: number | null): string {
  const name = areas.names[i] || areas.ids[i];
  return v === null ? name : `${name}: ${v.toFixed(1)}`;
}

function pointsDomain(dots: { lon: number; lat: number }[]): { type: 'MultiPoint'; coordinates: Position[] } {
  return { type: 'MultiPoint', coordinates: dots.map((d) => [d.lon, d.lat]) };
}

/** Exterior rings clockwise, holes anticlockwise (d3-geo's spherical convention for small areas). */
export function clockwise(g: AreaGeometry): AreaGeometry {
  const polygon = (rings: Position[][]): Position[][] => rings.map((r, k) => (isClockwise(r) === (k === 0) ? r : [...r].reverse()));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) } satisfies MultiPolygon;
}

function isClockwise(ring: Position[]): boolean {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[i][0] - ring[j][0]) * (ring[i][1] + ring[j][1]);
  return sum > 0;
}
