/**
 * A delimited-text parser (RFC 4180 quoting, LF or CRLF, any one-character delimiter) that fills
 * one string array per column instead of one object per row, so a million-row file stays cheap.
 * Records whose field count differs from the header, and a quote left open at the end of the
 * file, are reported per record: they become rejects, not lost rows. Records whose quoted fields
 * hold line breaks are listed with their physical lines, so rows swallowed by a stray quote show.
 */
import { rejectReason, type RejectReason } from '../reject-reason.ts';
export interface ParsedCsv {
  header: string[];
  /** columns[c][r]: the field of record r in column c ('' where the record was short). */
  columns: string[][];
  rowCount: number;
  /** Per record: null, or what is wrong with its shape. */
  rowErrors: (RejectReason | null)[];
  /** Characters of `text` parsed; with `partial`, the unfinished last record starts here. */
  consumed: number;
  /** Records that span several physical lines (quoted line breaks), in record order. */
  multiLine: MultiLineRecord[];
}

export interface MultiLineRecord {
  /** 0-based data record. */
  record: number;
  /** 1-based physical line where the record starts (the header is line 1; relative to a block when partial). */
  firstLine: number;
  lines: number;
  /** Lines inside its quoted fields that hold as many delimiters as a whole row: rows swallowed by a stray quote? */
  rowLike: number;
}

export interface ParseCsvOptions {
  /** The header is already known (a later block of a streamed file): every record is data. */
  header?: string[];
  /**
   * `text` is a block of a longer file: a record not ended by a line break may continue in the
   * next block, so it is left unparsed (see `consumed`) rather than judged truncated.
   */
  partial?: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Guesses the delimiter from the first line: tab, semicolon or comma, whichever occurs most. */
export function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  const count = (ch: string): number => line.split(ch).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

export function parseCsv(text: string, delimiter: string, opts: ParseCsvOptions = {}): ParsedCsv {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let header: string[] | null = opts.header ?? null;
  let columns: string[][] = header ? header.map(() => []) : [];
  let width = header?.length ?? 0;
  const rowErrors: (RejectReason | null)[] = [];
  let rowCount = 0;
  // Fields go straight into their column; `field` counts the fields of the current record.
  let field = 0;
  let i = 0;
  // End of the last whole record: a partial block resumes there.
  let consumed = 0;
  // Physical line at `i`, the line the current record began on, and its quoted lines that look like rows.
  let line = 1;
  let recordLine = 1;
  let rowLike = 0;
  const multiLine: MultiLineRecord[] = [];
  /** A quoted value's line breaks move the line count on; its inner lines with a row's worth of delimiters are counted. */
  const quotedLines = (value: string, unclosed: boolean): void => {
    if (!value.includes('\n') && !value.includes('\r')) return;
    const parts = value.split(/\r\n|\r|\n/);
    // A quote left open to the end of the file takes the file's last line break, not a further line.
    if (unclosed && parts[parts.length - 1] === '') parts.pop();
    line += parts.length - 1;
    if (width < 2) return;
    for (let p = 1; p < parts.length; p++) if (parts[p].split(delimiter).length >= width) rowLike++;
  };

  const pushField = (value: string): void => {
    if (header === null) {
      columns.push([value]);
    } else if (field < width) columns[field].push(value);
    field++;
  };
  const finishRecord = (openQuote: boolean): void => {
    if (header === null) {
      header = columns.map((c) => c[0].trim());
      width = header.length;
      columns = header.map(() => []);
    } else {
      for (let c = field; c < width; c++) columns[c].push('');
      // The reason stays free of line numbers: a streamed block only knows lines relative to itself.
      rowErrors.push(openQuote ? rejectReason('unclosed-quote') : field !== width ? rejectReason('field-count', { fields: field, width }) : null);
      if (line > recordLine) multiLine.push({ record: rowCount, firstLine: recordLine, lines: line - recordLine + 1, rowLike });
      rowCount++;
    }
    field = 0;
    consumed = i;
    rowLike = 0;
  };
  /** Partial block: forget the fields of a record the block cut off; it is read with the next block. */
  const dropRecord = (): void => {
    if (header === null) columns = [];
    else for (let c = 0; c < Math.min(field, width); c++) columns[c].pop();
    field = 0;
    i = n;
  };

  while (i < n) {
    // A blank line is not a record.
    const first = text.charCodeAt(i);
    if (field === 0 && (first === LF || first === CR)) {
      if (first === LF || text.charCodeAt(i + 1) !== LF) line++;
      i++;
      consumed = i;
      recordLine = line;
      continue;
    }
    let openQuote = false;
    if (first === QUOTE) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          value += text.slice(start);
          i = n;
          openQuote = true;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as lenient parsers do.
      let j = i;
      while (j < n) {
        const ch = text.charCodeAt(j);
        if (ch === delim || ch === LF || ch === CR) break;
        j++;
      }
      if (j > i) value += text.slice(i, j);
      i = j;
      quotedLines(value, openQuote);
      pushField(value);
    } else {
      let j = i;
      while (j < n) {
        const ch = text.charCodeAt(j);
        if (ch === delim || ch === LF || ch === CR) break;
        j++;
      }
      pushField(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      if (opts.partial) dropRecord();
      else finishRecord(openQuote);
    } else {
      const ch = text.charCodeAt(i);
      if (ch === delim) {
        i++;
        if (i >= n) {
          if (opts.partial) dropRecord();
          else {
            pushField('');
            finishRecord(false);
          }
        }
      } else {
        i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        finishRecord(openQuote);
        line++;
        recordLine = line;
      }
    }
  }
  return { header: header ?? [], columns, rowCount, rowErrors, consumed: opts.partial ? consumed : n, multiLine };
}
