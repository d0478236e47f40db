/**
 * A layer file read a block of records at a time, each block a RawTable of whole records as the
 * whole-file reader (readTable) makes of them: CSV/TSV in UTF-8 by text blocks (CsvChunker),
 * Parquet by row group (hyparquet reads that group's column chunks from disk), Arrow IPC by record
 * batch (a file handle). Memory holds one block. What a block cannot decide the way the whole file
 * would — a note only the whole text can word (rows over several lines, decimal commas, GBK that
 * reads as UTF-8, binary or geometry columns), bytes that are not UTF-8, an empty file — throws
 * ReadWhole, and the caller reads the file whole instead (readTable, the same decisions). Every
 * other format is one block: the file read whole. Node only.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { RecordBatchReader } from 'apache-arrow';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { LayerEntry } from '../data/bundle-manifest.ts';
import type { TableBlock } from '../db/stage-rows.ts';
import { CsvChunker } from '../io/csv-chunks.ts';
import { columnarRawTable } from '../io/columnar-values.ts';
import { resolveFormat } from '../io/detect-format.ts';
import type { RawTable } from '../io/raw-table.ts';
import { readTable } from '../io/read-table.ts';
import type { CompanionReader } from '../io/read-shapefile.ts';

export type { TableBlock } from '../db/stage-rows.ts';

/** The file must be read whole for the whole-file reader's result (said why, for tests). */
export class ReadWhole extends Error {}

export interface BlockOptions {
  /** Bytes of text a CSV block decodes [8 MiB]. */
  blockBytes?: number;
  companion?: CompanionReader;
}

const SNIFF_BYTES = 4096;
/** Where GBK byte pairs land when read as UTF-8 (decode-text.ts words a note on them): read whole. */
const GBK_LIKE = /[\u0180-\u07FF]{2,}/;

/**
 * The blocks of `path` (named `name` in messages); returns the file's notes (the whole-file
 * reader's table notes), known once every block is read.
 */
export async function* tableBlocks(path: string, name: string, entry: LayerEntry, opts: BlockOptions = {}): AsyncGenerator<TableBlock, string[]> {
  const size = (await stat(path)).size;
  const head = await readHead(path, Math.min(size, SNIFF_BYTES));
  // a zip (GTFS, xlsx, zipped shapefile) is judged by its content: read whole
  const zipped = head[0] === 0x50 && head[1] === 0x4b;
  const { format, note } = zipped ? { format: undefined, note: undefined } : resolveFormat(name, head, entry.format);
  const notes = note === undefined ? [] : [note];
  if (size > 0 && (format === 'csv' || format === 'tsv') && (entry.encoding === undefined || entry.encoding === 'utf-8')) {
    return [...notes, ...(yield* csvBlocks(path, name, format === 'tsv' ? '\t' : undefined, opts.blockBytes ?? 1 << 23))];
  }
  if (format === 'parquet') return [...notes, ...(yield* parquetBlocks(path, name))];
  if (format === 'arrow') return [...notes, ...(yield* arrowBlocks(path, name))];
  return yield* wholeFile(path, name, entry, opts);
}

/** The file read whole, as one block. */
export async function* wholeFile(path: string, name: string, entry: LayerEntry, opts: BlockOptions = {}): AsyncGenerator<TableBlock, string[]> {
  const buffer = await readFile(path);
  const table = await readTable(name, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), entry, { companion: opts.companion });
  const notes = table.notes;
  table.notes = [];
  yield { table, firstRow: 0 };
  return notes;
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A block whose reader wrote notes holds something only the whole file can word. */
function plain(table: RawTable, firstRow: number): TableBlock {
  if (table.notes.length > 0) throw new ReadWhole(`a note: ${table.notes[0]}`);
  if (table.geometry !== undefined) throw new ReadWhole('a geometry column');
  return { table, firstRow };
}

async function* csvBlocks(path: string, name: string, delimiter: string | undefined, blockBytes: number): AsyncGenerator<TableBlock, string[]> {
  const chunker = new CsvChunker(name, delimiter);
  const handle = await open(path, 'r');
  let bom = false;
  try {
    const buffer = new Uint8Array(Math.max(4, blockBytes));
    let decoder: TextDecoder | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      let bytes = buffer.subarray(0, bytesRead);
      if (decoder === undefined) {
        // decodeText: a BOM is dropped and the rest read leniently; without one it must be UTF-8
        bom = bytesRead >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        if (bom) bytes = bytes.subarray(3);
        decoder = new TextDecoder('utf-8', { fatal: !bom });
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: bytesRead > 0 });
      } catch {
        throw new ReadWhole('not UTF-8');
      }
      if (!bom && GBK_LIKE.test(text)) throw new ReadWhole('text that may be GBK read as UTF-8');
      const chunk = bytesRead > 0 ? chunker.push(text) : chunker.end();
      if (chunk !== null && chunk.table.rowCount > 0) yield plain(chunk.table, chunk.firstRow);
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
  // an empty file, or a header alone: the whole-file reader words it
  if (chunker.rows === 0) throw new ReadWhole('no data rows');
  return bom ? ['read as utf-8 with BOM'] : [];
}

async function* parquetBlocks(path: string, name: string): AsyncGenerator<TableBlock, string[]> {
  let source: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    source = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(source);
  } catch {
    throw new ReadWhole('not readable in pieces');
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  if (total === 0) throw new ReadWhole('no rows');
  let firstRow = 0;
  for (const group of metadata.row_groups) {
    const n = Number(group.num_rows);
    if (n === 0) continue;
    const rows = await parquetReadObjects({ file: source, metadata, rowStart: firstRow, rowEnd: firstRow + n, compressors });
    yield plain(columnarRawTable(name, names.map((c) => ({ name: c, values: rows.map((r) => r[c]) })), rows.length, []), firstRow);
    firstRow += n;
  }
  return [`Parquet: ${total} rows, ${names.length} columns`];
}

async function* arrowBlocks(path: string, name: string): AsyncGenerator<TableBlock, string[]> {
  const handle = await open(path, 'r');
  let firstRow = 0;
  let columns = 0;
  try {
    let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>;
    try {
      reader = await RecordBatchReader.from(handle);
    } catch {
      throw new ReadWhole('not readable in pieces');
    }
    for await (const batch of reader) {
      const n = batch.numRows;
      columns = batch.schema.fields.length;
      // get() honours the validity bitmap, as readArrowIpc reads it
      const values = batch.schema.fields.map((field, i) => {
        const vector = batch.getChildAt(i);
        return { name: field.name, values: Array.from({ length: n }, (_, r): unknown => vector?.get(r)) };
      });
      if (n > 0) yield plain(columnarRawTable(name, values, n, []), firstRow);
      firstRow += n;
    }
  } finally {
    await handle.close();
  }
  if (firstRow === 0) throw new ReadWhole('no rows');
  return [`Arrow IPC: ${firstRow} rows, ${columns} columns`];
}
