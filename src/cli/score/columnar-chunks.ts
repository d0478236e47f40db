/**
 * Columnar --candidates files read a piece at a time, each piece a chunk of records as the
 * whole-file readers (readParquet, readArrowIpc) make of the whole file: the same columns, values
 * and row numbers. Parquet by row group (hyparquet reads just that group's column chunks from
 * disk), Arrow IPC by record batch (apache-arrow reads the file's batches through a file handle).
 * A geometry column (GeoParquet, GeoArrow as GeoJSON values) is found by looking at every value of
 * the column, which one piece cannot do for the whole file, so a file with one is handed back
 * (StreamFallback) and read whole; so is a file that cannot be read, or has no rows, where the
 * whole-file reader says what is wrong. Memory holds one piece. Node only.
 */
import { open } from 'node:fs/promises';
import { RecordBatchReader } from 'apache-arrow';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { columnarRawTable } from '../../io/columnar-values.ts';
import type { CsvChunk } from '../../io/csv-chunks.ts';
import { StreamFallback } from './stream-measure.ts';

function chunkOf(label: string, columns: { name: string; values: ArrayLike<unknown> }[], rows: number, firstRow: number): CsvChunk {
  const table = columnarRawTable(label, columns, rows, []);
  if (table.geometry) throw new StreamFallback('a geometry column');
  return { table, firstRow };
}

function unreadable(error: unknown): StreamFallback {
  return new StreamFallback(`not readable in pieces (${error instanceof Error ? error.message : String(error)})`);
}

export async function* parquetChunks(file: string, label: string, onFraction?: (fraction: number) => void): AsyncGenerator<CsvChunk> {
  let metadata: FileMetaData;
  let source: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  try {
    source = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(source);
  } catch (error) {
    throw unreadable(error);
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  if (total === 0) throw new StreamFallback('no rows');
  let firstRow = 0;
  for (const group of metadata.row_groups) {
    const n = Number(group.num_rows);
    if (n === 0) continue;
    const rows = await parquetReadObjects({ file: source, metadata, rowStart: firstRow, rowEnd: firstRow + n, compressors });
    yield chunkOf(label, names.map((name) => ({ name, values: rows.map((r) => r[name]) })), rows.length, firstRow);
    firstRow += n;
    onFraction?.(firstRow / total);
  }
}

export async function* arrowChunks(file: string, label: string, onFraction?: (fraction: number) => void): AsyncGenerator<CsvChunk> {
  const handle = await open(file, 'r');
  try {
    let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>;
    try {
      reader = await RecordBatchReader.from(handle);
    } catch (error) {
      throw unreadable(error);
    }
    const batches = reader.isFile() ? reader.numRecordBatches : 0;
    let firstRow = 0;
    let done = 0;
    for await (const batch of reader) {
      const n = batch.numRows;
      // get() honours the validity bitmap, as readArrowIpc reads it
      const columns = batch.schema.fields.map((field, i) => {
        const vector = batch.getChildAt(i);
        return { name: field.name, values: Array.from({ length: n }, (_, r): unknown => vector?.get(r)) };
      });
      if (n > 0) yield chunkOf(label, columns, n, firstRow);
      firstRow += n;
      if (batches > 0) onFraction?.(++done / batches);
    }
    if (firstRow === 0) throw new StreamFallback('no rows');
  } finally {
    await handle.close();
  }
}
