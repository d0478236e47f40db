/** Notebook outputs as text: any value in one line (numbers as formatNumber writes them). */
import { formatNumber } from '../format/number.ts';

/** A short one-line text form of any value (text outputs, table cells that hold objects). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = Array.from(value as unknown as ArrayLike<number>);
    const head = arr.slice(0, 8).map((x) => formatNumber(x)).join(', ');
    return `${value.constructor.name}(${arr.length}) [${head}${arr.length > 8 ? ', …' : ''}]`;
  }
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? json.slice(0, 199) + '…' : json;
  } catch {
    return String(value);
  }
}
