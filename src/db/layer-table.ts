/**
 * A layer as an Arrow table, the fast way into DuckDB: numeric columns are handed over as their
 * Float64Arrays (no copy) with a validity bitmap marking NaN as NULL; text columns become Utf8.
 */
import { Float64, Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
import type { Layer } from '../data/layer.ts';

/** One column of a layer's table: doubles (NaN = missing) or text ('' = missing). */
export type LayerColumn = { name: string; kind: 'double'; values: Float64Array } | { name: string; kind: 'text'; values: string[] };

/**
 * The table layout of a layer, shared by every database build: `id`, then `lon`, `lat` (points) or
 * `name`, `geometry` as GeoJSON text (polygons), then numeric and text columns. A source column that
 * shares a fixed column's name (say a numeric "lon") is kept as "lon_2".
 */
export function layerColumns(layer: Layer): LayerColumn[] {
  const columns: LayerColumn[] = [];
  const used = new Set<string>();
  const unique = (name: string): string => {
    let candidate = name;
    for (let k = 2; used.has(candidate); k++) candidate = `${name}_${k}`;
    used.add(candidate);
    return candidate;
  };
  const text = (name: string, values: string[]): void => void columns.push({ name: unique(name), kind: 'text', values });
  const double = (name: string, values: Float64Array): void => void columns.push({ name: unique(name), kind: 'double', values });
  text('id', layer.ids);
  if (layer.kind === 'point') {
    double('lon', layer.lon);
    double('lat', layer.lat);
  } else {
    text('name', layer.names);
    text('geometry', layer.geometries.map((g) => JSON.stringify(g)));
  }
  for (const [name, values] of Object.entries(layer.numeric)) double(name, values);
  for (const [name, values] of Object.entries(layer.text)) text(name, values);
  return columns;
}

export function layerToArrow(layer: Layer): Table {
  return columnsToArrow(layerColumns(layer));
}

export function columnsToArrow(columns: readonly LayerColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    vectors[column.name] = column.kind === 'double' ? doubleVector(column.values) : textVector(column.values);
  }
  return new Table(vectors);
}

/** DOUBLE with NULL where the value is NaN (our "missing"). */
export function doubleVector(values: Float64Array): Vector<Float64> {
  let nullCount = 0;
  const valid = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) nullCount++;
    else valid[i >> 3] |= 1 << (i & 7);
  }
  const data = makeData({ type: new Float64(), length: values.length, nullCount, data: values, nullBitmap: nullCount > 0 ? valid : null });
  return makeVector(data);
}

/**
 * VARCHAR with NULL where the text is '' (our "missing"). Built straight into one UTF-8 buffer with
 * offsets: a million ids this way take milliseconds, where vectorFromArray takes seconds.
 */
export function textVector(values: readonly string[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const valid = new Uint8Array((n + 7) >> 3);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(Math.max(64, n * 8));
  let pos = 0;
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const text = values[i];
    if (text === '') {
      nullCount++;
      offsets[i + 1] = pos;
      continue;
    }
    valid[i >> 3] |= 1 << (i & 7);
    if (pos + text.length * 3 > bytes.length) {
      // Worst case is 3 bytes per UTF-16 code unit; grow geometrically.
      const grown = new Uint8Array(Math.max(bytes.length * 2, pos + text.length * 3));
      grown.set(bytes.subarray(0, pos));
      bytes = grown;
    }
    let ascii = true;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0x80) {
        ascii = false;
        break;
      }
      bytes[pos + k] = code;
    }
    pos += ascii ? text.length : encoder.encodeInto(text, bytes.subarray(pos)).written;
    offsets[i + 1] = pos;
  }
  const data = makeData({ type: new Utf8(), length: n, nullCount, valueOffsets: offsets, data: bytes.subarray(0, pos), nullBitmap: nullCount > 0 ? valid : null });
  return makeVector(data);
}
