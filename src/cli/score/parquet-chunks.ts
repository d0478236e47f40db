/**
 * A Parquet --candidates file read one row group at a time (hyparquet reads just that group's column
 * chunks from disk), each group a chunk of records as readParquet makes of the whole file: the same
 * columns, values and row numbers. A geometry column (GeoParquet) is found by looking at every
 * value of the column, which a single group cannot do for the whole file, so a file with one is
 * handed back (StreamFallback) and read whole; so is a file that cannot be read, or has no rows,
 * where readParquet says what is wrong. Memory holds one row group. Node only.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { columnarRawTable } from '../../io/columnar-values.ts';
import type { CsvChunk } from '../../io/csv-chunks.ts';
import { StreamFallback } from './stream-measure.ts';

export async function* parquetChunks(file: string, label: string, onRows?: (fraction: number) => void): AsyncGenerator<CsvChunk> {
  let metadata: FileMetaData;
  let source: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  try {
    source = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(source);
  } catch (error) {
    throw new StreamFallback(`not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  if (total === 0) throw new StreamFallback('no rows');
  let firstRow = 0;
  for (const group of metadata.row_groups) {
    const n = Number(group.num_rows);
    if (n === 0) continue;
    const rows = await parquetReadObjects({ file: source, metadata, rowStart: firstRow, rowEnd: firstRow + n, compressors });
    const columns = names.map((name) => ({ name, values: rows.map((r) => r[name]) }));
    const table = columnarRawTable(label, columns, rows.length, []);
    if (table.geometry) throw new StreamFallback('a geometry column');
    yield { table, firstRow };
    firstRow += n;
    onRows?.(firstRow / total);
  }
}
