/**
 * A flows table as the planner has it (customers' home zone per outlet, from account addresses or a
 * card-transaction extract): one row per origin and outlet,
 *   origin  — id of a point of the bundle's demand layer (the zone or cell the customers live in)
 *   outlet  — id of an own outlet (the network layer)
 *   count   — customers (accounts, visits …) from that origin at that outlet, ≥ 0
 * Every row is either used or rejected with its row number and reason; a pair listed twice is summed;
 * a pair not listed counts 0 customers.
 */
import { BundleError } from '../errors.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import type { OriginFlows } from './origin-flows.ts';

export interface FlowsReject {
  /** 1-based data row (the header is row 0). */
  row: number;
  reason: string;
}

export interface ReadFlows {
  flows: OriginFlows;
  read: number;
  rejects: FlowsReject[];
}

const COLUMNS = ['origin', 'outlet', 'count'] as const;

function text(value: RawValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

export function originFlows(table: RawTable, demandIds: string[], outletIds: string[]): ReadFlows {
  const lower = new Map(table.columns.map((c) => [c.trim().toLowerCase(), c]));
  const missing = COLUMNS.filter((c) => !lower.has(c));
  if (missing.length > 0) {
    throw new BundleError(table.file, `${table.file}: a flows table needs the columns origin, outlet, count; ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (it has: ${table.columns.join(', ') || 'none'})`);
  }
  const [origins, outlets, counts] = COLUMNS.map((c) => table.values[lower.get(c)!]);
  const demandIndex = new Map(demandIds.map((id, i) => [id, i]));
  const outletIndex = new Map(outletIds.map((id, j) => [id, j]));
  const origin: number[] = [], outlet: number[] = [], count: number[] = [];
  const rejects: FlowsReject[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const shape = table.rowErrors?.[r];
    const i = demandIndex.get(text(origins[r])), j = outletIndex.get(text(outlets[r]));
    const n = typeof counts[r] === 'number' ? counts[r] as number : Number(text(counts[r]) || NaN);
    const reason = shape ? shape.reason
      : i === undefined ? `origin "${text(origins[r])}" is not an id of the demand layer`
      : j === undefined ? `outlet "${text(outlets[r])}" is not an id of the network layer`
      : !(n >= 0) || !Number.isFinite(n) ? `count "${text(counts[r])}" is not a number ≥ 0`
      : undefined;
    if (reason !== undefined) { rejects.push({ row: r + 1, reason }); continue; }
    origin.push(i!); outlet.push(j!); count.push(n);
  }
  return { flows: { origin: Int32Array.from(origin), outlet: Int32Array.from(outlet), count: Float64Array.from(count) }, read: table.rowCount, rejects };
}
