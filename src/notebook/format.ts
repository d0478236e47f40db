/**
 * How numbers read in notebook tables and text: SI-style digit groups ("601 723"), decimals by
 * magnitude. One function, exported, so a test can format an expected value exactly as a report does.
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

/** A short one-line text form of any value (text outputs, table cells that hold objects). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = Array.from(value as unknown as ArrayLike<number>);
    const head = arr.slice(0, 8).map(formatNumber).join(', ');
    return `${value.constructor.name}(${arr.length}) [${head}${arr.length > 8 ? ', …' : ''}]`;
  }
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? json.slice(0, 199) + '…' : json;
  } catch {
    return String(value);
  }
}
