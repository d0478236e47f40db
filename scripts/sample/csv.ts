/** Minimal RFC 4180 CSV writing: quote a field only when it holds a comma, quote or newline. */
export type Cell = string | number;

function field(v: Cell): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}
