/**
 * Typed columnar values (Parquet, Arrow) → RawTable values. bigint becomes a number when it is exact
 * (else its decimal text), dates ISO text, binary hex text, nested values JSON text; a column whose
 * values are GeoJSON geometries (GeoParquet, decoded by hyparquet) becomes the table's geometry.
 */
import type { Geometry } from 'geojson';
import type { RawTable, RawValue } from './raw-table.ts';

export function toRawValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isNaN(value) ? null : value;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return hex(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function isGeometry(value: unknown): value is Geometry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    typeof value.type === 'string' &&
    ('coordinates' in value || 'geometries' in value)
  );
}

/**
 * Builds a RawTable from named columns of decoded values. The first column whose non-null values are
 * all GeoJSON geometries is taken as the geometry and left out of the plain columns.
 */
export function columnarRawTable(file: string, columns: { name: string; values: ArrayLike<unknown> }[], rowCount: number, notes: string[]): RawTable {
  const geometryColumn = columns.find((c) => isGeometryColumn(c.values));
  const table: RawTable = { file, columns: [], values: {}, rowCount, notes };
  for (const column of columns) {
    if (column === geometryColumn) continue;
    const values = new Array<RawValue>(rowCount);
    let binary = false;
    for (let i = 0; i < rowCount; i++) {
      const v = column.values[i];
      if (v instanceof Uint8Array) binary = true;
      values[i] = toRawValue(v);
    }
    if (binary) notes.push(`column "${column.name}" is binary (WKB geometry?) and is kept as hex text`);
    table.columns.push(column.name);
    table.values[column.name] = values;
  }
  if (geometryColumn) {
    table.geometry = Array.from({ length: rowCount }, (_, i) => {
      const v = geometryColumn.values[i];
      return isGeometry(v) ? v : null;
    });
    notes.push(`geometry read from column "${geometryColumn.name}"`);
  }
  return table;
}

function isGeometryColumn(values: ArrayLike<unknown>): boolean {
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (!isGeometry(v)) return false;
    seen++;
  }
  return seen > 0;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
