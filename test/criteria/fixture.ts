/**
 * Tiny hand-checkable geometry: points on the equator, where the haversine distance between two
 * points is exactly R · Δλ, so "x metres east" is lon = x / (R · π/180).
 */
import type { LayerName, PointLayer, PolygonLayer } from '../../src/data/layer.ts';
import { EARTH_RADIUS_M } from '../../src/geo/haversine.ts';
import type { Points, WeightedPoints } from '../../src/kernel/types.ts';

export const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;

export function east(metres: number): number {
  return metres / METRES_PER_DEGREE;
}

/** Points x metres east of (0, 0) on the equator. */
export function line(xs: number[]): Points {
  return { lon: Float64Array.from(xs, east), lat: new Float64Array(xs.length) };
}

export function weighted(xs: number[], weights: number[]): WeightedPoints {
  return { ...line(xs), weight: Float64Array.from(weights) };
}

export interface Row {
  id: string;
  x: number;
  /** metres north (default 0) */
  y?: number;
  text?: Record<string, string>;
  numeric?: Record<string, number>;
}

export function pointLayer(layer: LayerName, rows: Row[]): PointLayer {
  const text: Record<string, string[]> = {};
  const numeric: Record<string, Float64Array> = {};
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row.text ?? {})) (text[k] ??= Array<string>(rows.length).fill(''))[i] = v;
    for (const [k, v] of Object.entries(row.numeric ?? {})) (numeric[k] ??= new Float64Array(rows.length).fill(NaN))[i] = v;
  });
  return {
    kind: 'point', layer, ids: rows.map((r) => r.id),
    lon: Float64Array.from(rows, (r) => east(r.x)), lat: Float64Array.from(rows, (r) => east(r.y ?? 0)),
    text, numeric,
  };
}

/** Axis-aligned squares given in metres [x0, y0, x1, y1]. */
export function squares(layer: LayerName, boxes: [string, number[]][], numeric: Record<string, number[]> = {}): PolygonLayer {
  return {
    kind: 'polygon', layer, ids: boxes.map(([id]) => id), names: boxes.map(([id]) => `area ${id}`),
    geometries: boxes.map(([, [x0, y0, x1, y1]]) => ({
      type: 'Polygon' as const,
      coordinates: [[[east(x0), east(y0)], [east(x1), east(y0)], [east(x1), east(y1)], [east(x0), east(y1)], [east(x0), east(y0)]]],
    })),
    numeric: Object.fromEntries(Object.entries(numeric).map(([k, v]) => [k, Float64Array.from(v)])),
    text: {},
  };
}
