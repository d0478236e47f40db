/**
 * Parquet → RawTable. DuckDB-WASM 1.32 does not carry the parquet extension and cannot download it
 * here (read_parquet fails with a Catalog Error), so the file is decoded in JavaScript by hyparquet,
 * the same in Node and the browser. Every codec Parquet writers use is supported (snappy built in,
 * gzip/brotli/zstd/lz4 through hyparquet-compressors). GeoParquet geometry columns become the
 * table's geometry; lon/lat columns stay plain columns for the column detector.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { BundleError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import { columnarRawTable } from './columnar-values.ts';
import type { RawTable } from './raw-table.ts';

/** `_db` is the agreed signature's database; unused while DuckDB-WASM has no parquet reader offline. */
export async function readParquet(file: string, bytes: Uint8Array, _db?: Database): Promise<RawTable> {
  // hyparquet reads from an ArrayBuffer; slice when the bytes are a view into a larger buffer.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  if (!(buffer instanceof ArrayBuffer)) throw new BundleError(file, `${file}: cannot read Parquet from shared memory; pass a plain copy of the bytes.`);
  let names: string[];
  let rows: Record<string, unknown>[];
  try {
    const metadata = parquetMetadata(buffer);
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch (error) {
    throw new BundleError(file, `${file} is not a readable Parquet file (${error instanceof Error ? error.message : String(error)}); export it again as Parquet, or as CSV.`, { cause: error });
  }
  if (rows.length === 0) throw new BundleError(file, `${file} has no rows; export the table again with its data.`);
  const columns = names.map((name) => ({ name, values: rows.map((r) => r[name]) }));
  return columnarRawTable(file, columns, rows.length, [`Parquet: ${rows.length} rows, ${names.length} columns`]);
}
