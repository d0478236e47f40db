/**
 * Every number → text of the project, in two forms. For people (tables, reports, notes, the
 * workbench in English and 中文): formatNumber, digit groups and decimals by magnitude. For output files (score CSV/GeoJSON):
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

export interface NumberStyle {
  /**
   * The workbench's language: its digit groups and decimal sign ("601,723.5" in English and in
   * 中文, zh-CN writing numbers so too), trailing zeros dropped, '–' for a value that is not a number.
   * Without it: SI-style groups ("601 723"), as the reports and notebooks print.
   */
  lang?: 'en' | 'zh';
  /** Decimals at most; by magnitude when not given (4 from 1 down to 0.001, …). */
  digits?: number;
}

const LOCALES = { en: 'en-US', zh: 'zh-CN' } as const;
const pageFormats = new Map<string, Intl.NumberFormat>();

function decimalsOf(x: number): number {
  const a = Math.abs(x);
  return Number.isInteger(x) ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.001 ? 4 : 6;
}

/**
 * How numbers read in tables and text: in the workbench in its language (`lang`), elsewhere
 * (notebooks, reports, notes) SI-style digit groups ("601 723"), decimals by magnitude unless
 * `digits` says. Exported, so a test can format an expected value exactly as the page or a report does.
 */
export function formatNumber(x: number, style: NumberStyle = {}): string {
  const decimals = style.digits ?? decimalsOf(x);
  if (style.lang !== undefined) {
    if (!Number.isFinite(x)) return '–';
    const key = `${style.lang}:${decimals}`;
    let format = pageFormats.get(key);
    if (!format) pageFormats.set(key, (format = new Intl.NumberFormat(LOCALES[style.lang], { maximumFractionDigits: decimals, minimumFractionDigits: 0 })));
    return format.format(x);
  }
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
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
