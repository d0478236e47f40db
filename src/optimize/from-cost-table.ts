/**
 * The long-format door, as PySAL users hold their costs: one row per origin–destination pair.
 * Origins are demand points (with their weight repeated on each of their rows), destinations
 * are facilities. A pair with no row is unreachable. Bad rows become rejects naming the row.
 */
import { BundleError, UsageError } from '../errors.ts';
import { CostPairsBuilder, type CostColumnNames } from './cost-pairs-builder.ts';
import { costsFromCsv } from './cost-table-csv.ts';
import type { Reject } from '../data/layer.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { resolveFixed } from './from-cost-matrix.ts';
import type { FacilityCosts, HuffShareInputs, ModelName, OptimizeProblem } from './problem.ts';

export type CostTableColumns = CostColumnNames;

export interface CostTableInput {
  model: ModelName;
  table: Pick<RawTable, 'file' | 'columns' | 'values' | 'rowCount'>;
  columns: CostTableColumns;
  p?: number;
  radius?: number;
  fixed?: (number | string)[];
  huff?: HuffShareInputs;
}

function asNumber(v: RawValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

function asId(v: RawValue): string {
  return v === null ? '' : String(v).trim();
}

export function facilityCostsFromTable(table: CostTableInput['table'], cols: CostTableColumns): { costs: FacilityCosts; rejects: Reject[] } {
  for (const [role, name] of Object.entries(cols)) {
    if (!table.columns.includes(name)) {
      throw new BundleError(table.file, `${table.file} has no column '${name}' for the ${role}; its columns are ${table.columns.join(', ')} (set --${role}-col)`);
    }
  }
  const o = table.values[cols.origin];
  const d = table.values[cols.destination];
  const c = table.values[cols.cost];
  const w = table.values[cols.weight];
  const builder = new CostPairsBuilder(table.file, cols);
  for (let r = 0; r < table.rowCount; r++) builder.add(r + 1, asId(o[r]), asId(d[r]), asNumber(c[r]), asNumber(w[r]), String(c[r]), String(w[r]));
  return builder.finish();
}

function problemOf(input: Omit<CostTableInput, 'table'>, built: { costs: FacilityCosts; rejects: Reject[] }): { problem: OptimizeProblem; rejects: Reject[] } {
  const { costs, rejects } = built;
  if (input.huff && input.huff.attractiveness.length !== costs.m) throw new UsageError(`huff attractiveness has ${input.huff.attractiveness.length} values for ${costs.m} destinations`);
  const fixed = resolveFixed(input.fixed, costs.facilityIds);
  return { problem: { model: input.model, costs, p: input.p, radius: input.radius, fixed, huff: input.huff }, rejects };
}

export function problemFromCostTable(input: CostTableInput): { problem: OptimizeProblem; rejects: Reject[] } {
  return problemOf(input, facilityCostsFromTable(input.table, input.columns));
}

/** The same door for CSV text, read straight into typed arrays (no table of strings in between). */
export function problemFromCostCsv(input: Omit<CostTableInput, 'table'> & { file: string; text: string }): { problem: OptimizeProblem; rejects: Reject[] } {
  return problemOf(input, costsFromCsv(input.file, input.text, input.columns));
}
