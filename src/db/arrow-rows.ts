/**
 * Arrow query results as plain rows. Values are normalised so the Node and browser builds agree:
 * bigint → number, nested values → plain arrays/objects, everything else as Arrow gives it.
 */
import type { Row } from './database.ts';

/** The part of an Arrow table we read; structural, so tables from either copy of apache-arrow fit. */
export interface ArrowTableLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(index: number): { get(row: number): unknown } | null;
}

/** A result column as a record batch gives it. */
export interface ArrowVectorLike {
  nullCount: number;
  get(row: number): unknown;
  toArray(): unknown;
}

/** One record batch of a streamed result. */
export interface ArrowBatchLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(index: number): ArrowVectorLike | null;
}

export function arrowToRows(table: ArrowTableLike): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array<Row>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    names.forEach((name, i) => (row[name] = plainValue(columns[i]?.get(r) ?? null)));
    rows[r] = row;
  }
  return rows;
}

export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'object' && !ArrayBuffer.isView(value) && 'toJSON' in value && typeof value.toJSON === 'function') {
    return plainValue(value.toJSON() as unknown);
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}
