/**
 * CSV/TSV text fed in blocks of any size → RawTables of whole records, cell for cell what
 * readCsvText makes of the whole text: the same dialect (sep= line, sniffed delimiter), the same
 * header names, the same shape errors. A record cut by a block's end (a quoted field holding a line
 * break, a CR|LF pair, an escaped quote) waits for the next block; only the last block may end
 * mid-record, as a whole file may.
 */
import { parseCsv } from './csv.ts';
import type { RawTable } from './raw-table.ts';
import { csvDialect, csvTable } from './read-csv.ts';

export interface CsvChunk {
  table: RawTable;
  /** 0-based index, in the whole file, of the chunk's first record. */
  firstRow: number;
}

export class CsvChunker {
  private tail = '';
  private header: string[] | undefined;
  private delimiter: string | undefined;
  /** Data records returned so far. */
  rows = 0;

  constructor(private readonly file: string, private readonly givenDelimiter?: string) {}

  /** The records the text so far completes (null when none yet). */
  push(text: string): CsvChunk | null {
    return this.parse(this.tail + text, true);
  }

  /** The last records (the text left over is read as the end of the file). */
  end(): CsvChunk | null {
    const rest = this.tail;
    this.tail = '';
    return rest === '' && this.header !== undefined ? null : this.parse(rest, false);
  }

  private parse(text: string, partial: boolean): CsvChunk | null {
    let body = text;
    if (this.delimiter === undefined) {
      // the dialect is read from the first line: wait until it is whole
      if (partial && !text.includes('\n')) {
        this.tail = text;
        return null;
      }
      const dialect = csvDialect(text, this.givenDelimiter);
      body = dialect.body;
      this.delimiter = dialect.delimiter;
    }
    const parsed = parseCsv(body, this.delimiter, { header: this.header, partial });
    this.tail = body.slice(parsed.consumed);
    if (parsed.header.length === 0) return null; // not even the header is complete
    this.header = parsed.header;
    const chunk = { table: csvTable(this.file, parsed, this.delimiter), firstRow: this.rows };
    this.rows += parsed.rowCount;
    return chunk;
  }
}
