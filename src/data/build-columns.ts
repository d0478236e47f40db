/**
 * The typed columns of the loaded rows: roles under their canonical names (numeric or text),
 * constants filled in, and every unmapped source column kept under its own name.
 */
import type { Columns } from './layer.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import type { ColumnPlan } from './column-plan.ts';
import { isBlank, isNumericColumn, toNumber, toText } from './raw-values.ts';

function numericColumn(values: RawValue[], keep: number[], label: string, notes: string[]): Float64Array {
  const out = new Float64Array(keep.length);
  let bad = 0;
  let example = '';
  for (let i = 0; i < keep.length; i++) {
    const v = values[keep[i]];
    const x = toNumber(v);
    if (Number.isNaN(x) && !isBlank(v)) {
      bad++;
      if (example === '') example = toText(v);
    }
    out[i] = x;
  }
  if (bad > 0) notes.push(`${bad} value(s) of ${label} are not numbers and are kept as missing (e.g. '${example}')`);
  return out;
}

function textColumn(values: RawValue[], keep: number[]): string[] {
  return keep.map((r) => toText(values[r]));
}

export function buildColumns(raw: RawTable, plan: ColumnPlan, keep: number[], notes: string[]): Columns {
  const cols: Columns = { numeric: {}, text: {} };
  for (const { role, ref, kind } of plan.roles) {
    if (typeof ref !== 'string') {
      const numericConst = kind === 'numeric' || (kind === 'infer' && typeof ref.value === 'number');
      if (numericConst) cols.numeric[role] = new Float64Array(keep.length).fill(Number(ref.value));
      else cols.text[role] = new Array<string>(keep.length).fill(String(ref.value));
      continue;
    }
    const values = raw.values[ref];
    const numeric = kind === 'numeric' || (kind === 'infer' && isNumericColumn(values, keep));
    if (numeric) cols.numeric[role] = numericColumn(values, keep, `'${ref}' (${role})`, notes);
    else cols.text[role] = textColumn(values, keep);
  }
  for (const name of plan.passthrough) {
    if (name in cols.numeric || name in cols.text) continue;
    const values = raw.values[name];
    if (isNumericColumn(values, keep)) cols.numeric[name] = numericColumn(values, keep, `'${name}'`, notes);
    else cols.text[name] = textColumn(values, keep);
  }
  return cols;
}
