/** CSV/TSV bytes → RawTable (text cells; typing and coordinates are decided by toLayer). */
import { BundleError } from '../errors.ts';
import { parseCsv, sniffDelimiter, type MultiLineRecord, type ParsedCsv } from './csv.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import type { RawTable, RawValue } from './raw-table.ts';

const DECIMAL_COMMA = /^\s*[-+]?\d+,\d+\s*$/;

/** Semicolon files from European spreadsheets write 38,9; such cells are read as 38.9. */
function fixDecimalCommas(column: string[]): number {
  let fixed = 0;
  for (let i = 0; i < column.length; i++) {
    if (DECIMAL_COMMA.test(column[i])) {
      column[i] = column[i].replace(',', '.');
      fixed++;
    }
  }
  return fixed;
}

export function readCsvText(file: string, text: string, delimiter?: string): RawTable {
  if (text.trim() === '') throw new BundleError(file, `${file} is empty; export the data again or remove it from bundle.json.`);
  const dialect = csvDialect(text, delimiter);
  const parsed = parseCsv(dialect.body, dialect.delimiter);
  if (parsed.rowCount === 0) {
    throw new BundleError(file, `${file} has a header but no data rows; add the rows or remove the file from bundle.json.`);
  }
  return csvTable(file, parsed, dialect.delimiter);
}

/** The delimiter (Excel's "sep=;" first line, the one given, else sniffed) and the text after any sep= line. */
export function csvDialect(text: string, delimiter?: string): { body: string; delimiter: string } {
  const sep = /^sep=(.)\r?\n/.exec(text);
  const body = sep !== null ? text.slice(sep[0].length) : text;
  return { body, delimiter: sep?.[1] ?? delimiter ?? sniffDelimiter(body) };
}

const LISTED = 5;

/** Rows read from several lines are legal CSV, but never silent: how many, where, and which look like swallowed rows. */
function multiLineNotes(records: readonly MultiLineRecord[]): string[] {
  if (records.length === 0) return [];
  const where = (m: MultiLineRecord): string => `row ${m.record + 1} (lines ${m.firstLine}–${m.firstLine + m.lines - 1})`;
  const more = (n: number): string => (n > LISTED ? `, … ${n - LISTED} more` : '');
  const notes = [`${records.length} row(s) span several lines because a quoted field holds line breaks: ${records.slice(0, LISTED).map(where).join(', ')}${more(records.length)}`];
  const suspicious = records.filter((m) => m.rowLike > 0);
  if (suspicious.length > 0) {
    const list = suspicious.slice(0, LISTED).map((m) => `${where(m)} holds ${m.rowLike} line(s) with a whole row's fields`).join('; ');
    notes.push(`suspicious: ${list}${more(suspicious.length)}; a closing quote may be missing there, so those rows were read as part of one field — check the quotes on those lines`);
  }
  return notes;
}

/** Parsed records → RawTable: unnamed and repeated header names made unique, decimal commas read. */
export function csvTable(file: string, parsed: ParsedCsv, delim: string): RawTable {
  const values: Record<string, RawValue[]> = {};
  const columns: string[] = [];
  parsed.header.forEach((name, c) => {
    let key = name === '' ? `column_${c + 1}` : name;
    while (key in values) key += '_';
    columns.push(key);
    values[key] = parsed.columns[c];
  });
  const notes = multiLineNotes(parsed.multiLine);
  if (delim === ';') {
    const fixed = parsed.columns.reduce((n, col) => n + fixDecimalCommas(col), 0);
    if (fixed > 0) notes.push(`${fixed} number(s) with a decimal comma read as decimals`);
  }
  return { file, columns, values, rowCount: parsed.rowCount, rowErrors: parsed.rowErrors, notes };
}

export function readCsv(file: string, bytes: Uint8Array, opts: { delimiter?: string; encoding?: TextEncodingName } = {}): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the data again or remove it from bundle.json.`);
  const decoded = decodeText(file, bytes, opts.encoding);
  const table = readCsvText(file, decoded.text, opts.delimiter);
  if (decoded.encoding !== 'utf-8') table.notes.push(`read as ${decoded.encoding}`);
  if (decoded.note !== undefined) table.notes.push(decoded.note);
  return table;
}
