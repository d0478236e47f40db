/**
 * The columns a streamed candidate file's layer gets, decided as buildColumns decides them for the
 * whole file: roles then the other source columns, each numeric or text. A column of no declared
 * type is numeric when every non-blank cell of the loaded rows is a number; a streamed file keeps
 * each such cell's class in its row's record on disk, so the rows rejected after pass 1 (lat/lon
 * swaps, duplicate ids) are left out of the judgement exactly as in the whole-file path.
 */
import type { ColumnRef } from '../../data/bundle-manifest.ts';
import type { ColumnPlan } from '../../data/column-plan.ts';
import type { RawValue } from '../../io/raw-table.ts';
import { isBlank, isMissingToken, isNumberCell } from '../../data/raw-values.ts';
import type { Scenario } from '../../scenario/scenario.ts';

export interface LayerColumn {
  /** The name in the layer (the role, or the source column's own name). */
  key: string;
  ref: ColumnRef;
  kind: 'numeric' | 'text' | 'infer';
}

/** buildColumns' order: the roles, then the source columns not named like one. */
export function layerColumns(plan: ColumnPlan): LayerColumn[] {
  const out: LayerColumn[] = plan.roles.map((r) => ({ key: r.role, ref: r.ref, kind: r.kind }));
  const keys = new Set(out.map((c) => c.key));
  for (const name of plan.passthrough) {
    if (keys.has(name)) continue;
    keys.add(name);
    out.push({ key: name, ref: name, kind: 'infer' });
  }
  return out;
}

/** Columns whose type is read from their cells (a constant's type is its value's). */
export function inferredColumns(columns: LayerColumn[]): LayerColumn[] {
  return columns.filter((c) => c.kind === 'infer' && typeof c.ref === 'string');
}

/** The layer's numeric type of a column whose type is fixed (not inferred from cells). */
export function fixedNumeric(c: LayerColumn): boolean {
  return typeof c.ref === 'string' ? c.kind === 'numeric' : c.kind === 'numeric' || (c.kind === 'infer' && typeof c.ref.value === 'number');
}

export const BLANK = 0;
export const NUMBER = 1;
export const TEXT = 2;
/** A missing-value token ('n/a'): blank to the column rule, but the cell is not empty. */
export const MISSING = 3;

/** A cell as isNumericColumn sees it: blank, a missing-value token, a number, or other text. */
export function cellClass(v: RawValue): number {
  if (isBlank(v)) return BLANK;
  if (isMissingToken(v)) return MISSING;
  return isNumberCell(v) ? NUMBER : TEXT;
}

/** Columns of the site layer the scenario reads as numbers (attribute criteria, constraints, Huff's attractiveness). */
export function scenarioColumns(scenario: Scenario): Set<string> {
  const used = new Set<string>(['attractiveness']);
  for (const c of scenario.criteria) if (c.kind === 'attribute') used.add(c.column);
  for (const name of Object.keys(scenario.constraints.maxAttribute ?? {})) used.add(name);
  for (const name of Object.keys(scenario.constraints.minAttribute ?? {})) used.add(name);
  return used;
}
