/**
 * Picking the points and weights a criterion works on out of a loaded layer: filters by text
 * column (brand, type, category, mode) and numeric weight columns where a missing value counts 0.
 */
import { UsageError } from '../errors.ts';
import type { PointLayer } from '../data/layer.ts';
import type { Points, WeightedPoints } from '../kernel/types.ts';

/** A numeric column with NaN → 0 (a missing weight adds nothing); throws when the layer lacks it. */
export function weightColumn(layer: PointLayer, column: string, who: string): Float64Array {
  const values = layer.numeric[column];
  if (!values) {
    const known = Object.keys(layer.numeric);
    throw new UsageError(`${who}: the ${layer.layer} layer has no numeric column "${column}" (it has: ${known.length ? known.join(', ') : 'none'})`);
  }
  return values.map((v) => (Number.isFinite(v) ? v : 0));
}

/** A numeric column, or `fallback` for every point when the layer has none; NaN → fallback. */
export function columnOr(layer: PointLayer, column: string, fallback: number): Float64Array {
  const values = layer.numeric[column];
  const out = new Float64Array(layer.ids.length).fill(fallback);
  if (values) for (let i = 0; i < out.length; i++) if (Number.isFinite(values[i])) out[i] = values[i];
  return out;
}

export interface TextFilter {
  column: string;
  include?: string[];
  exclude?: string[];
}

/** Indices of the points passing every filter; text compares case-insensitively after trimming. */
export function selectPoints(layer: PointLayer, filters: TextFilter[]): Int32Array {
  const active = filters.filter((f) => (f.include && f.include.length > 0) || (f.exclude && f.exclude.length > 0));
  const keep: number[] = [];
  const sets = active.map((f) => ({
    values: layer.text[f.column] ?? [],
    include: f.include?.length ? new Set(f.include.map(key)) : undefined,
    exclude: new Set((f.exclude ?? []).map(key)),
  }));
  for (let i = 0; i < layer.ids.length; i++) {
    const ok = sets.every(({ values, include, exclude }) => {
      const value = key(values[i] ?? '');
      return (!include || include.has(value)) && !exclude.has(value);
    });
    if (ok) keep.push(i);
  }
  return Int32Array.from(keep);
}

export function key(text: string): string {
  return text.trim().toLowerCase();
}

/** The selected points with the given per-point weights (indexed like the whole layer). */
export function subset(layer: Points, index: Int32Array, weight?: Float64Array): WeightedPoints {
  const lon = new Float64Array(index.length);
  const lat = new Float64Array(index.length);
  const w = new Float64Array(index.length).fill(1);
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    lon[k] = layer.lon[i];
    lat[k] = layer.lat[i];
    if (weight) w[k] = weight[i];
  }
  return { lon, lat, weight: w };
}

export function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
