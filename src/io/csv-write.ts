/**
 * The one CSV writer of the project (score and rejects files, the workbench's exports): RFC 4180
 * with CRLF line ends, fields quoted only when they hold a comma, a quote or a line break, quotes
 * doubled. Text is made safe to open in a spreadsheet (OWASP, CSV injection): a text cell starting
 * with = + - @, a tab or a carriage return gets a leading single quote, so Excel, WPS or LibreOffice
 * show it instead of evaluating it. Numbers the program writes are not text: a number value, or a
 * column of numbers the program formatted itself, is written as it is, negative or not; so is a
 * text cell that is just a decimal number ("-181"), which no spreadsheet runs as a formula.
 */
export type CsvCell = string | number | null | undefined;

export const CSV_EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A text cell as a spreadsheet will read it safely, before CSV quoting. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Quotes a field that needs it (no formula neutralising: for text the program made itself). */
export function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One field: numbers as they are (non-finite ones empty), text neutralised and quoted, nothing as empty. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteCsv(neutraliseFormula(value));
}

/** One record with its line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',') + CSV_EOL;
}

/** A whole table: the header, then the rows. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('');
}
