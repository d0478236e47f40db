/**
 * A Parquet file picked in the page, read row group by row group from the File (hyparquet over
 * File slices) for duck-layer.ts to stage in DuckDB. DuckDB-WASM 1.32 carries no parquet extension
 * and must not download one (autoinstall and autoload are off: the page makes no request), so
 * read_parquet is not available to it; the rows are decoded in JS as src/io/parquet.ts decodes
 * them, one row group at a time, so the whole file is never held in JS.
 */
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { columnarRawTable } from '../../io/columnar-values.ts';
import type { RowBlocks } from './duck-layer.ts';

/** A block the whole-file reader would word differently (a geometry column, a reader's note). */
export class NotInBlocks extends Error {}

/** The file's row groups as blocks, and the JS reader's note on it; a string says why it cannot be read so. */
export async function parquetBlocks(file: Blob & { name: string }, progress: (rows: number) => void = () => undefined): Promise<{ blocks: RowBlocks; note: string; rows: number } | string> {
  const source: AsyncBuffer = { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() };
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(source);
  } catch (error) {
    return `not readable as Parquet in pieces (${error instanceof Error ? error.message : String(error)})`;
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  if (total === 0) return 'no rows';
  async function* blocks(): RowBlocks {
    let firstRow = 0;
    for (const group of metadata.row_groups) {
      const n = Number(group.num_rows);
      if (n === 0) continue;
      const rows = await parquetReadObjects({ file: source, metadata, rowStart: firstRow, rowEnd: firstRow + n, compressors });
      const table = columnarRawTable(file.name, names.map((c) => ({ name: c, values: rows.map((r) => r[c]) })), rows.length, []);
      if (table.geometry !== undefined) throw new NotInBlocks('a geometry column');
      if (table.notes.length > 0) throw new NotInBlocks(`a note: ${table.notes[0]}`);
      yield { table, firstRow };
      firstRow += n;
      progress(firstRow);
    }
  }
  return { blocks: blocks(), note: `Parquet: ${total} rows, ${names.length} columns`, rows: total };
}
