/**
 * Sparse nearest-facility lists for the assignment models (p-median, p-center): for each demand
 * point, the facilities that can serve it, nearest first, in demand-major CSR; and the same pairs
 * facility-major for the interchange moves.
 *
 * Two cuts keep them small. A facility farther than the nearest fixed (always open) one never
 * serves the point, so the list ends there: exact, and what shrinks the sample city (170 own
 * outlets) from 12.6 M pairs to a few per point. Beyond that, at most `k` nearest are kept (a
 * memory budget); such a list is "capped": every absent facility costs at least cap[i].
 */
import type { FacilityCosts } from './problem.ts';

export interface NearestLists {
  n: number;
  m: number;
  /** Demand i's facilities are facility[start[i]..start[i+1]], cost ascending. */
  start: Int32Array;
  facility: Int32Array;
  cost: Float64Array;
  /** Lower bound on the cost of any facility absent from i's list (Infinity: the list is complete). */
  cap: Float64Array;
  /** True when some list was cut at k (not only at a fixed facility): the lists are then approximate. */
  truncated: boolean;
  /** The same pairs facility-major: facility j reaches byFacility.demand[fstart[j]..fstart[j+1]]. */
  fstart: Int32Array;
  fdemand: Int32Array;
  fcost: Float64Array;
}

/** Default memory budget: list entries in total (12 bytes each, twice). */
export const LIST_BUDGET = 4_000_000;

export function nearestLists(costs: FacilityCosts, fixed: readonly number[], budget = LIST_BUDGET): NearestLists {
  const { n, m, start: cs, demand: cd, cost: cc } = costs;
  // Cost to the nearest fixed facility: every pair beyond it is never used.
  const fixedCost = new Float64Array(n).fill(Infinity);
  const fixedAt = new Int32Array(n).fill(-1);
  for (const j of fixed) {
    for (let k = cs[j]; k < cs[j + 1]; k++) {
      const i = cd[k];
      if (cc[k] < fixedCost[i] || (cc[k] === fixedCost[i] && j < fixedAt[i])) {
        fixedCost[i] = cc[k];
        fixedAt[i] = j;
      }
    }
  }
  const keep = (j: number, i: number, c: number) => c < fixedCost[i] || j === fixedAt[i];
  const count = new Int32Array(n + 1);
  for (let j = 0; j < m; j++) for (let k = cs[j]; k < cs[j + 1]; k++) if (keep(j, cd[k], cc[k])) count[cd[k] + 1]++;
  for (let i = 0; i < n; i++) count[i + 1] += count[i];
  const total = count[n];
  const fill = count.slice(0, n);
  const allFac = new Int32Array(total);
  const allCost = new Float64Array(total);
  for (let j = 0; j < m; j++) {
    for (let k = cs[j]; k < cs[j + 1]; k++) {
      const i = cd[k];
      if (!keep(j, i, cc[k])) continue;
      allFac[fill[i]] = j;
      allCost[fill[i]++] = cc[k];
    }
  }
  const k = total <= budget ? Infinity : Math.max(Math.min(m, 16), Math.floor(budget / Math.max(1, n)));
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + Math.min(count[i + 1] - count[i], k);
  const facility = new Int32Array(start[n]);
  const cost = new Float64Array(start[n]);
  const cap = new Float64Array(n).fill(Infinity);
  let truncated = false;
  let order = new Int32Array(0);
  for (let i = 0; i < n; i++) {
    const a = count[i];
    const len = count[i + 1] - a;
    if (order.length < len) order = new Int32Array(len);
    const ord = order.subarray(0, len);
    for (let t = 0; t < len; t++) ord[t] = a + t;
    ord.sort((x, y) => allCost[x] - allCost[y] || allFac[x] - allFac[y]);
    const kept = start[i + 1] - start[i];
    for (let t = 0; t < kept; t++) {
      facility[start[i] + t] = allFac[ord[t]];
      cost[start[i] + t] = allCost[ord[t]];
    }
    if (fixedAt[i] >= 0 && kept === len) cap[i] = fixedCost[i];
    else if (kept < len) {
      cap[i] = cost[start[i + 1] - 1];
      truncated = true;
    }
  }
  return { n, m, start, facility, cost, cap, truncated, ...transpose(n, m, start, facility, cost) };
}

function transpose(n: number, m: number, start: Int32Array, facility: Int32Array, cost: Float64Array) {
  const fstart = new Int32Array(m + 1);
  for (let t = 0; t < facility.length; t++) fstart[facility[t] + 1]++;
  for (let j = 0; j < m; j++) fstart[j + 1] += fstart[j];
  const fill = fstart.slice(0, m);
  const fdemand = new Int32Array(facility.length);
  const fcost = new Float64Array(facility.length);
  for (let i = 0; i < n; i++) {
    for (let t = start[i]; t < start[i + 1]; t++) {
      const j = facility[t];
      fdemand[fill[j]] = i;
      fcost[fill[j]++] = cost[t];
    }
  }
  return { fstart, fdemand, fcost };
}

/** The exact lists (cut at fixed facilities only) as FacilityCosts, for the MILP. */
export function listsAsCosts(lists: NearestLists, costs: FacilityCosts): FacilityCosts {
  return { ...costs, start: lists.fstart, demand: lists.fdemand, cost: lists.fcost };
}
