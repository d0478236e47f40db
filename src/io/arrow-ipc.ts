/**
 * Arrow IPC (file or stream format, e.g. `.arrow`, Feather v2) → RawTable through apache-arrow.
 * Binary columns (GeoArrow WKB) are kept as hex text with a note; lon/lat stay plain columns.
 */
import { tableFromIPC } from 'apache-arrow';
import { BundleError } from '../errors.ts';
import { columnarRawTable } from './columnar-values.ts';
import type { RawTable } from './raw-table.ts';

export function readArrowIpc(file: string, bytes: Uint8Array): Promise<RawTable> {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Promise.reject(new BundleError(file, `${file} is not a readable Arrow IPC file (${reason}); write it uncompressed in Arrow IPC (Feather v2) format, or as Parquet or CSV.`, { cause: error }));
  }
  if (table.numRows === 0) return Promise.reject(new BundleError(file, `${file} has no rows; export the table again with its data.`));
  const rows = table.numRows;
  const columns = table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i);
    // get() honours the validity bitmap (toArray() on a numeric column would drop the nulls).
    return { name: field.name, values: Array.from({ length: rows }, (_, r): unknown => vector?.get(r)) };
  });
  return Promise.resolve(columnarRawTable(file, columns, rows, [`Arrow IPC: ${rows} rows, ${columns.length} columns`]));
}
