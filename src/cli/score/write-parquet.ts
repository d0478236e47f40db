/**
 * Scored sites as Parquet (hyparquet-writer): numeric columns as nullable DOUBLE (the same rounded
 * values as the CSV), everything else as UTF-8 strings. Node only (writes the file).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { OutColumn } from './site-table.ts';

export async function writeParquet(file: string, columns: OutColumn[], rows: readonly number[]): Promise<void> {
  const columnData = columns.map((c) => {
    if (!c.numeric) return { name: c.name, data: rows.map((i) => String(c.cell(i))), type: 'STRING' as const };
    const data = rows.map((i) => {
      const v = c.cell(i);
      return v === '' ? null : Number(v);
    });
    return { name: c.name, data, type: 'DOUBLE' as const };
  });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(parquetWriteBuffer({ columnData })));
}
