/**
 * The long-format door, as PySAL users hold their costs: one row per origin–destination pair.
 * Origins are demand points (with their weight repeated on each of their rows), destinations
 * are facilities. A pair with no row is unreachable. Bad rows become rejects naming the row.
 */
import { BundleError, UsageError } from '../data/errors.ts';
import type { Reject } from '../data/layer.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { resolveFixed } from './from-cost-matrix.ts';
import type { FacilityCosts, HuffShareInputs, ModelName, OptimizeProblem } from './problem.ts';

export interface CostTableColumns {
  origin: string;
  destination: string;
  cost: string;
  weight: string;
}

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
  const rejects: Reject[] = [];
  const origin = new Map<string, number>();
  const dest = new Map<string, number>();
  const weights: number[] = [];
  const rowsI: number[] = [];
  const rowsJ: number[] = [];
  const rowsC: number[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < table.rowCount; r++) {
    const row = r + 1;
    const oi = asId(o[r]);
    const dj = asId(d[r]);
    const cost = asNumber(c[r]);
    const weight = asNumber(w[r]);
    if (oi === '') { rejects.push({ row, column: cols.origin, reason: 'empty origin id' }); continue; }
    if (dj === '') { rejects.push({ row, column: cols.destination, reason: 'empty destination id' }); continue; }
    if (!(cost >= 0) || cost === Infinity) { rejects.push({ row, column: cols.cost, reason: 'cost is not a number >= 0', value: String(c[r]) }); continue; }
    if (!(weight >= 0) || weight === Infinity) { rejects.push({ row, column: cols.weight, reason: 'weight is not a number >= 0', value: String(w[r]) }); continue; }
    const key = `${oi}\u0000${dj}`;
    if (seen.has(key)) { rejects.push({ row, column: cols.destination, reason: `second row for origin '${oi}' and destination '${dj}'` }); continue; }
    let i = origin.get(oi);
    if (i === undefined) {
      i = weights.length;
      origin.set(oi, i);
      weights.push(weight);
    } else if (weights[i] !== weight) {
      rejects.push({ row, column: cols.weight, reason: `origin '${oi}' has weight ${weights[i]} on an earlier row`, value: String(w[r]) });
      continue;
    }
    seen.add(key);
    let j = dest.get(dj);
    if (j === undefined) {
      j = dest.size;
      dest.set(dj, j);
    }
    rowsI.push(i);
    rowsJ.push(j);
    rowsC.push(cost);
  }
  if (rowsI.length === 0) throw new BundleError(table.file, `${table.file}: none of its ${table.rowCount} rows is usable (first problem: row ${rejects[0]?.row ?? '-'} ${rejects[0]?.reason ?? 'no rows'}); check the column names and number format`);
  const m = dest.size;
  const start = new Int32Array(m + 1);
  for (const j of rowsJ) start[j + 1]++;
  for (let j = 0; j < m; j++) start[j + 1] += start[j];
  const fill = start.slice(0, m);
  const demand = new Int32Array(rowsI.length);
  const cost = new Float64Array(rowsI.length);
  for (let t = 0; t < rowsI.length; t++) {
    const k = fill[rowsJ[t]]++;
    demand[k] = rowsI[t];
    cost[k] = rowsC[t];
  }
  const costs: FacilityCosts = { n: origin.size, m, start, demand, cost, weights: Float64Array.from(weights), demandIds: [...origin.keys()], facilityIds: [...dest.keys()] };
  return { costs, rejects };
}

export function problemFromCostTable(input: CostTableInput): { problem: OptimizeProblem; rejects: Reject[] } {
  const { costs, rejects } = facilityCostsFromTable(input.table, input.columns);
  if (input.huff && input.huff.attractiveness.length !== costs.m) throw new UsageError(`huff attractiveness has ${input.huff.attractiveness.length} values for ${costs.m} destinations`);
  const fixed = resolveFixed(input.fixed, costs.facilityIds);
  return { problem: { model: input.model, costs, p: input.p, radius: input.radius, fixed, huff: input.huff }, rejects };
}
