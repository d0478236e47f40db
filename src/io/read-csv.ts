/** CSV/TSV bytes → RawTable (text cells; typing and coordinates are decided by toLayer). */
import { BundleError } from '../data/errors.ts';
import { parseCsv, sniffDelimiter } from './csv.ts';
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
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep !== null) text = text.slice(sep[0].length);
  const delim = sep?.[1] ?? delimiter ?? sniffDelimiter(text);
  const parsed = parseCsv(text, delim);
  if (parsed.rowCount === 0) {
    throw new BundleError(file, `${file} has a header but no data rows; add the rows or remove the file from bundle.json.`);
  }
  const values: Record<string, RawValue[]> = {};
  const columns: string[] = [];
  parsed.header.forEach((name, c) => {
    let key = name === '' ? `column_${c + 1}` : name;
    while (key in values) key += '_';
    columns.push(key);
    values[key] = parsed.columns[c];
  });
  const notes: string[] = [];
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
  return table;
}
