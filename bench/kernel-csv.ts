/**
 * The benchmark's CSV bytes in and text out (../shared/bench/KERNEL.md), platform neutral so the
 * Node benchmark (kernel-io.ts) and the browser one (kernel-browser/) parse and format alike.
 */

const COMMA = 44, NEWLINE = 10, CR = 13, MINUS = 45, DOT = 46, ZERO = 48;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Decimal text → number. Up to 15 significant digits the integer and 10^k are exact doubles, so
 * one division is correctly rounded: the same value Number() gives. Anything else goes to Number().
 */
function parseNumber(bytes: Uint8Array, from: number, to: number): number {
  let i = from, negative = false, mantissa = 0, digits = 0, decimals = 0, seenDot = false;
  if (bytes[i] === MINUS) { negative = true; i++; }
  for (; i < to; i++) {
    const b = bytes[i];
    if (b === DOT && !seenDot) { seenDot = true; continue; }
    const d = b - ZERO;
    if (d < 0 || d > 9 || digits >= 15) return Number(new TextDecoder().decode(bytes.subarray(from, to)));
    mantissa = mantissa * 10 + d;
    digits++;
    if (seenDot) decimals++;
  }
  const value = mantissa / POW10[decimals];
  return negative ? -value : value;
}

/** The named numeric columns of a CSV file's bytes (with a header row); `file` names it in errors. */
export function parseNumericCsv(bytes: Uint8Array, file: string, columns: string[]): Record<string, Float64Array> {
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd)).trim().split(',');
  const wanted = header.map((name) => columns.indexOf(name));
  for (const c of columns) if (!header.includes(c)) throw new Error(`${file}: no column "${c}" (header: ${header.join(',')})`);
  let rows = 0;
  for (let i = headerEnd + 1; i < bytes.length; i++) if (bytes[i] === NEWLINE) rows++;
  if (bytes.length > headerEnd + 1 && bytes[bytes.length - 1] !== NEWLINE) rows++;
  const out = columns.map(() => new Float64Array(rows));
  let row = 0, field = 0, start = headerEnd + 1, lineStart = start;
  for (let i = headerEnd + 1; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : NEWLINE;
    if (b !== COMMA && b !== NEWLINE) continue;
    const end = i > start && bytes[i - 1] === CR ? i - 1 : i;
    const empty = b === NEWLINE && field === 0 && end === lineStart;
    const target = wanted[field];
    if (!empty && target >= 0) out[target][row] = parseNumber(bytes, start, end);
    field++;
    start = i + 1;
    if (b === NEWLINE) {
      if (!empty) row++;
      field = 0;
      lineStart = start;
    }
  }
  return Object.fromEntries(columns.map((c, k) => [c, out[k]]));
}

export interface KernelResults {
  id: Float64Array;
  pop1km: Float64Array;
  decayed3km: Float64Array;
  comp1km: Float64Array;
  nearestComp: Float64Array;
  huffCapture: Float64Array;
}

/** Results CSV text of KERNEL.md, rows sorted by id. */
export function resultsCsvText(r: KernelResults): string {
  const order = Array.from(r.id.keys()).sort((a, b) => r.id[a] - r.id[b]);
  const lines = ['id,pop_1km,decayed_3km,comp_1km,nearest_comp_m,huff_capture'];
  for (const i of order) {
    lines.push(`${r.id[i]},${Math.round(r.pop1km[i])},${r.decayed3km[i]},${Math.round(r.comp1km[i])},${r.nearestComp[i]},${r.huffCapture[i]}`);
  }
  return lines.join('\n') + '\n';
}
