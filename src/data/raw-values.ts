/** Reading cells of a RawTable as numbers or text, the same way for every format. */
import type { RawValue } from '../io/raw-table.ts';

const THOUSANDS = /^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;

export function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A finite number, or NaN for blanks, text and non-finite values ('1,234' reads as 1234). */
export function toNumber(v: RawValue | undefined): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  if (v.trim() === '') return NaN;
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

/** True when every non-blank cell of `rows` in `column` is a number (and none is a zero-padded code). */
export function isNumericColumn(column: RawValue[], rows: ArrayLike<number>): boolean {
  let seen = false;
  for (let i = 0; i < rows.length; i++) {
    const v = column[rows[i]];
    if (isBlank(v)) continue;
    if (typeof v === 'number') {
      seen = true;
      continue;
    }
    if (typeof v !== 'string' || CODE_LIKE.test(v) || Number.isNaN(toNumber(v))) return false;
    seen = true;
  }
  return seen;
}

export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '');
}
