/**
 * Point layers drawn over the map (competitors, own outlets …), each its own symbol and colour.
 * Points outside the drilled-into area are dimmed, so the area's own points stand out. A layer held
 * in the worker (DuckDB, no labels here) gets no titles: the map names its points on hover.
 */
import * as Plot from '@observablehq/plot';
import type { MultiPolygon, Polygon } from 'geojson';
import { assignPointsToPolygons } from '../engine-api.ts';
import type { MessageKey } from '../i18n/en.ts';
import { t } from '../i18n/i18n.ts';
import type { MapData, MapPoints, PointLayerKey } from '../worker/messages.ts';

interface Style {
  symbol: 'circle' | 'diamond' | 'square' | 'triangle' | 'star';
  stroke: string;
  fill: string;
  r: number;
  label: MessageKey;
}

export const OVERLAY_STYLES: Record<PointLayerKey, Style> = {
  candidates: { symbol: 'circle', stroke: '#555', fill: 'none', r: 1.6, label: 'layer.candidates' },
  pois: { symbol: 'diamond', stroke: 'none', fill: '#8a6d3b', r: 1.8, label: 'layer.pois' },
  transit: { symbol: 'square', stroke: 'none', fill: '#1f6fb2', r: 2.4, label: 'layer.transit' },
  competitors: { symbol: 'triangle', stroke: 'none', fill: '#c0392b', r: 3, label: 'layer.competitors' },
  network: { symbol: 'star', stroke: 'none', fill: '#16803c', r: 4, label: 'layer.network' },
};

/** Points of one layer drawn at most (an even sample of those in view beyond it). */
export const MAX_DRAWN = 20_000;

/** Opacity of points outside the drilled-into area. */
export const DIMMED = 0.22;

export interface OverlayDatum {
  lon: number;
  lat: number;
  /** '' for a layer held in the worker. */
  label: string;
  inside: boolean;
  /** The point's position in its layer. */
  index: number;
}

/** The marks, and the points drawn of a layer held in the worker (to be named on hover). */
export interface Overlays {
  marks: Plot.Markish[];
  held: { key: PointLayerKey; points: OverlayDatum[] } | null;
}

type Bounds = [[number, number], [number, number]];

const insideCache = new WeakMap<MapPoints, WeakMap<object, Int32Array>>();

/** Per point: inside the area (0) or not (-1); cached per layer and area. */
function insideOf(p: MapPoints, area: Polygon | MultiPolygon): Int32Array {
  let byArea = insideCache.get(p);
  if (!byArea) insideCache.set(p, (byArea = new WeakMap()));
  let inside = byArea.get(area);
  if (!inside) byArea.set(area, (inside = assignPointsToPolygons(p.lon, p.lat, [area])));
  return inside;
}

/** Points of one layer inside the view (with a margin), so off-screen points cost nothing. */
function inView(p: MapPoints, bounds: Bounds, area: Polygon | MultiPolygon | null): OverlayDatum[] {
  const [[w, s], [e, n]] = bounds;
  const mx = (e - w) * 0.02;
  const my = (n - s) * 0.02;
  const inside = area ? insideOf(p, area) : null;
  const seen = (i: number): boolean => p.lon[i] >= w - mx && p.lon[i] <= e + mx && p.lat[i] >= s - my && p.lat[i] <= n + my;
  let count = 0;
  for (let i = 0; i < p.lon.length; i++) if (seen(i)) count++;
  // an SVG mark per point froze the page for a minute at a million dropped candidates: every k-th
  const stride = Math.ceil(count / MAX_DRAWN);
  const out: OverlayDatum[] = [];
  for (let i = 0, k = 0; i < p.lon.length; i++) {
    if (!seen(i) || k++ % stride !== 0) continue;
    // a layer held in DuckDB sends every stride-th point (map-data.ts): its position in the layer is i × stride
    out.push({ lon: p.lon[i], lat: p.lat[i], label: p.labels[i] ?? '', inside: !inside || inside[i] === 0, index: i * (p.stride ?? 1) });
  }
  return out;
}

export function overlayMarks(map: MapData, toggles: Record<PointLayerKey, boolean>, bounds: Bounds, area: Polygon | MultiPolygon | null): Overlays {
  const marks: Plot.Markish[] = [];
  let held: Overlays['held'] = null;
  for (const key of Object.keys(OVERLAY_STYLES) as PointLayerKey[]) {
    const p = map.points[key];
    if (!toggles[key] || !p) continue;
    const style = OVERLAY_STYLES[key];
    const data = inView(p, bounds, area);
    const layerName = t(style.label);
    const inWorker = p.labels.length === 0 && p.lon.length > 0;
    if (inWorker) held = { key, points: data };
    marks.push(
      Plot.dot(data, {
        x: 'lon',
        y: 'lat',
        r: style.r,
        symbol: style.symbol,
        fill: style.fill,
        stroke: style.stroke,
        strokeWidth: 0.8,
        fillOpacity: (d: OverlayDatum) => (d.inside ? 1 : DIMMED),
        strokeOpacity: (d: OverlayDatum) => (d.inside ? 1 : DIMMED),
        ...(inWorker ? {} : { title: (d: OverlayDatum) => `${layerName}: ${d.label}` }),
        className: `overlay-${key}`,
      }),
    );
  }
  return { marks, held };
}
