/**
 * Every number → text of the project, in two forms. For people (tables, reports, notes):
 * formatNumber, digit groups and decimals by magnitude. For output files (score CSV/GeoJSON):
 * formatDecimal and formatOutputNumber, rounded digits. V8's shortest round-trip String(number)
 * was most of the time of writing 100k scored sites; rounding to a fixed number of decimals
 * through integer arithmetic is about 2.5× faster and gives the same text for the rounded value.
 */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** `v` rounded to `decimals` (0–8) places, trailing zeros dropped; '' for NaN and ±Infinity. */
export function formatDecimal(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return '';
  const scale = POW10[decimals];
  const m = Math.round(v * scale);
  if (!Number.isSafeInteger(m)) return String(v);
  const u = Math.abs(m);
  const int = Math.floor(u / scale);
  let frac = u - int * scale;
  const sign = m < 0 ? '-' : '';
  if (frac === 0) return sign + int;
  let digits = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  return `${sign}${int}.${String(frac).padStart(digits, '0')}`;
}

/** Scores and criterion values: 4 decimals from 1 up, 6 significant digits below 1. */
export function formatOutputNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Math.abs(v) >= 1 || v === 0 ? formatDecimal(v, 4) : String(Number(v.toPrecision(6)));
}

/**
 * How numbers read in tables and text (notebooks, reports, notes): SI-style digit groups
 * ("601 723"), decimals by magnitude. Exported, so a test can format an expected value exactly as a
 * report does.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x)) return group(x.toFixed(0));
  const a = Math.abs(x);
  const decimals = a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.001 ? 4 : 6;
  return group(x.toFixed(decimals));
}

/** Digit groups of three with a space when the whole part has five digits or more; a true minus sign. */
export function group(fixed: string): string {
  const [intPart, frac] = fixed.split('.');
  const sign = intPart.startsWith('-') ? '−' : '';
  const digits = sign ? intPart.slice(1) : intPart;
  const grouped = digits.length > 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : digits;
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}
