/**
 * A layer as an Arrow table, the fast way into DuckDB: numeric columns are handed over as their
 * Float64Arrays (no copy) with a validity bitmap marking NaN as NULL; text columns become Utf8.
 */
import { Float64, Table, Utf8, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import type { Layer } from '../data/layer.ts';

export function layerToArrow(layer: Layer): Table {
  const columns: Record<string, Vector> = {};
  const add = (name: string, vector: Vector): void => {
    let unique = name;
    // A source column may share a fixed column's name (say a numeric "lon"); keep both.
    for (let k = 2; unique in columns; k++) unique = `${name}_${k}`;
    columns[unique] = vector;
  };
  add('id', textVector(layer.ids));
  if (layer.kind === 'point') {
    add('lon', doubleVector(layer.lon));
    add('lat', doubleVector(layer.lat));
  } else {
    add('name', textVector(layer.names));
    add('geometry', textVector(layer.geometries.map((g) => JSON.stringify(g))));
  }
  for (const [name, values] of Object.entries(layer.numeric)) add(name, doubleVector(values));
  for (const [name, values] of Object.entries(layer.text)) add(name, textVector(values));
  return new Table(columns);
}

/** DOUBLE with NULL where the value is NaN (our "missing"). */
function doubleVector(values: Float64Array): Vector<Float64> {
  let nullCount = 0;
  const valid = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) nullCount++;
    else valid[i >> 3] |= 1 << (i & 7);
  }
  const data = makeData({ type: new Float64(), length: values.length, nullCount, data: values, nullBitmap: nullCount > 0 ? valid : null });
  return makeVector(data);
}

/** VARCHAR with NULL where the text is '' (our "missing"). */
function textVector(values: string[]): Vector<Utf8> {
  return vectorFromArray(
    values.map((v) => (v === '' ? null : v)),
    new Utf8(),
  );
}
