/**
 * Scored sites as Parquet (hyparquet-writer): numeric columns as nullable DOUBLE (the same rounded
 * values as the CSV), everything else as UTF-8 strings. Rows are written in batches of
 * PARQUET_BATCH, one row group each, straight to the file: a streamed run hands them over bucket by
 * bucket and never holds the output, and both paths give the same bytes. Node only (writes the file).
 */
import { ParquetWriter, fileWriter, schemaFromColumnData } from 'hyparquet-writer';
import { writeAtomically } from '../../node/atomic-file.ts';
import { collectGarbage } from './collect-garbage.ts';
import type { OutColumn } from './site-table.ts';

/** Rows a row group. */
export const PARQUET_BATCH = 1 << 14;

export type ParquetCell = string | number | null;

/** The names and kinds of the output's columns. */
export type ParquetColumns = Pick<OutColumn, 'name' | 'numeric'>[];

/** Row i of `columns` as the writer takes it: text as strings, numbers as numbers, '' as null. */
export function parquetRow(columns: OutColumn[], i: number): ParquetCell[] {
  return columns.map((c) => {
    const v = c.cell(i);
    if (!c.numeric) return String(v);
    return v === '' ? null : Number(v);
  });
}

/** Writes batches of rows (each at most PARQUET_BATCH; all but the last exactly that). */
export async function writeParquetBatches(file: string, columns: ParquetColumns, batches: AsyncIterable<ParquetCell[][]> | Iterable<ParquetCell[][]>): Promise<void> {
  const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: c.numeric ? 'DOUBLE' : 'STRING' })) });
  await writeAtomically(file, async (temp) => {
    const writer = new ParquetWriter({ writer: fileWriter(temp), schema });
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      await writer.write({ columnData: columns.map((c, k) => ({ name: c.name, data: rows.map((r) => r[k]) })), rowGroupSize: rows.length });
      // a batch's cells are garbage now, most of them in old space: collect them before the next
      collectGarbage();
    }
    writer.finish();
  });
}

export async function writeParquet(file: string, columns: OutColumn[], rows: readonly number[]): Promise<void> {
  function* batches(): Generator<ParquetCell[][]> {
    for (let start = 0; start < rows.length; start += PARQUET_BATCH) yield rows.slice(start, start + PARQUET_BATCH).map((i) => parquetRow(columns, i));
  }
  await writeParquetBatches(file, columns, batches());
}
