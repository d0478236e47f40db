/** Reading cells of a RawTable as numbers or text, the same way for every format. */
import type { RawValue } from '../io/raw-table.ts';

const THOUSANDS = /^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;
/** Number() reads 0x72, 0b10110 and 0o17; no data file means those as quantities or coordinates. */
const RADIX_PREFIX = /^\s*[-+]?0[xXbBoO]/;

export function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A finite number, or NaN for blanks, text and non-finite values ('1,234' reads as 1234). */
export function toNumber(v: RawValue | undefined): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  if (v.trim() === '' || RADIX_PREFIX.test(v)) return NaN;
  let n = Number(v);
  if (Number.isNaN(n) && THOUSANDS.test(v)) n = Number(v.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

export function toText(v: RawValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** Text that should stay text even though it parses as a number: codes with leading zeros. */
const CODE_LIKE = /^\s*[-+]?0\d/;

/** What spreadsheets and exports write for "no value": such a cell never makes a column text. */
const MISSING_TOKENS = new Set(['n/a', 'na', '#n/a', 'null', 'none', 'nan', '-', '--', '—', '?', '.']);

export function isMissingToken(v: RawValue | undefined): boolean {
  return typeof v === 'string' && MISSING_TOKENS.has(v.trim().toLowerCase());
}

/** A number, or text that parses as one and is not a zero-padded code. */
export function isNumberCell(v: RawValue | undefined): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && !CODE_LIKE.test(v) && !Number.isNaN(toNumber(v));
}

/**
 * The column rule: numeric when it holds numbers and at most one cell in twenty of the rest is
 * other text. One stray 'n/a' or 'unknown' must not silently retype a column the scenario
 * weighs (issue 19): such cells are kept as missing, with a note (build-columns.ts).
 */
export function numericByCounts(numbers: number, texts: number): boolean {
  return numbers > 0 && texts * 20 <= numbers + texts;
}

/** True when the non-blank cells of `rows` in `column` are numbers, but for missing-value tokens and a few stray texts. */
export function isNumericColumn(column: RawValue[], rows: ArrayLike<number>): boolean {
  let numbers = 0;
  let texts = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = column[rows[i]];
    if (isBlank(v) || isMissingToken(v)) continue;
    if (isNumberCell(v)) numbers++;
    else texts++;
  }
  return numericByCounts(numbers, texts);
}

export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '');
}
