/**
 * Exclusive territories for the own outlets (窜货, DESIGN §13): every demand point goes to exactly
 * one outlet — the nearest (by whatever cost the table holds: metres, travel time), or
 * capacity-balanced — and each territory reports its demand, share and balance. Conflicts are the
 * pairs of outlets whose trade areas (demand within `tradeRadius`) overlap, with the demand they
 * share: where agents would poach each other's customers.
 *
 * Balanced assignment prices outlets (cost + λ_j, raised where a territory is above the mean and
 * lowered where it is below, for a fixed number of rounds): a Lagrangian view of "equal demand per
 * outlet" that keeps each point with a near outlet.
 */
import { UsageError } from '../errors.ts';
import { pairsByDemand } from './pairs-by-demand.ts';
import type { FacilityCosts } from './problem.ts';

export interface TerritoryOptions {
  /** Trade area of an outlet, in cost units: demand within it counts towards conflicts. */
  tradeRadius: number;
  rule?: 'nearest' | 'balanced';
  /** A pair is a conflict when the shared demand is at least this share of the smaller trade area (default 0.1). */
  conflictShare?: number;
  /** Rounds of price adjustment for 'balanced' (default 200). */
  rounds?: number;
}

export interface Territory {
  id: string;
  /** Demand weight assigned to this outlet. */
  demand: number;
  /** demand / total assigned demand. */
  share: number;
  /** demand / mean demand per outlet (1 = exactly even). */
  balance: number;
  points: number;
  /** Demand within the trade radius, shared or not. */
  tradeArea: number;
}

export interface TerritoryConflict {
  a: string;
  b: string;
  /** Demand within the trade radius of both. */
  shared: number;
  /** shared / the smaller of the two trade areas. */
  shareOfSmaller: number;
}

export interface TerritoryResult {
  /** Outlet index per demand point; -1 where no outlet reaches it. */
  assignment: Int32Array;
  territories: Territory[];
  conflicts: TerritoryConflict[];
  /** Demand no outlet reaches. */
  unassigned: number;
}

function assign(costs: FacilityCosts, price: Float64Array): Int32Array {
  const { n, start, demand, cost } = costs;
  const best = new Float64Array(n).fill(Infinity);
  const out = new Int32Array(n).fill(-1);
  for (let j = 0; j < costs.m; j++) {
    for (let k = start[j]; k < start[j + 1]; k++) {
      const v = cost[k] + price[j];
      const i = demand[k];
      if (v < best[i] || (v === best[i] && j < out[i])) {
        best[i] = v;
        out[i] = j;
      }
    }
  }
  return out;
}

function loads(costs: FacilityCosts, assignment: Int32Array): Float64Array {
  const load = new Float64Array(costs.m);
  for (let i = 0; i < costs.n; i++) if (assignment[i] >= 0) load[assignment[i]] += costs.weights[i];
  return load;
}

export function territories(costs: FacilityCosts, o: TerritoryOptions): TerritoryResult {
  if (!(o.tradeRadius > 0)) throw new UsageError(`invalid trade radius: ${o.tradeRadius} (give a cost > 0, e.g. metres)`);
  const { n, m, weights } = costs;
  if (m === 0) throw new UsageError('no outlets to give territories to: the network layer is empty');
  const price = new Float64Array(m);
  let assignment = assign(costs, price);
  if (o.rule === 'balanced') {
    let total = 0;
    for (let i = 0; i < n; i++) if (assignment[i] >= 0) total += weights[i];
    const target = total / m;
    // Step in cost units: a share of the typical nearest cost, shrinking as the rounds go.
    let typical = 0;
    let counted = 0;
    for (let k = 0; k < costs.cost.length; k++) if (costs.cost[k] <= o.tradeRadius) { typical += costs.cost[k]; counted++; }
    typical = counted > 0 ? typical / counted : o.tradeRadius;
    const rounds = o.rounds ?? 200;
    let bestSpread = Infinity;
    let best = assignment;
    for (let r = 0; r < rounds; r++) {
      const load = loads(costs, assignment);
      let spread = 0;
      for (let j = 0; j < m; j++) spread += Math.abs(load[j] - target);
      if (spread < bestSpread) {
        bestSpread = spread;
        best = assignment;
      }
      const step = (0.5 * typical) / Math.sqrt(r + 1);
      for (let j = 0; j < m; j++) price[j] += (step * (load[j] - target)) / Math.max(target, 1e-12);
      assignment = assign(costs, price);
    }
    assignment = best;
  }
  const load = loads(costs, assignment);
  let total = 0;
  let unassigned = 0;
  const points = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    if (assignment[i] >= 0) {
      total += weights[i];
      points[assignment[i]]++;
    } else unassigned += weights[i];
  }
  // Trade areas and the demand each pair of outlets shares.
  const byDemand = pairsByDemand(costs, o.tradeRadius);
  const trade = new Float64Array(m);
  const shared = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const from = byDemand.start[i];
    const to = byDemand.start[i + 1];
    for (let s = from; s < to; s++) {
      const a = byDemand.facilityOfPair[byDemand.pair[s]];
      trade[a] += weights[i];
      for (let t = s + 1; t < to; t++) {
        const b = byDemand.facilityOfPair[byDemand.pair[t]];
        const key = Math.min(a, b) * m + Math.max(a, b);
        shared.set(key, (shared.get(key) ?? 0) + weights[i]);
      }
    }
  }
  const mean = total / m;
  const ids = costs.facilityIds;
  const threshold = o.conflictShare ?? 0.1;
  const conflicts: TerritoryConflict[] = [];
  for (const [key, amount] of shared) {
    const [a, b] = [Math.floor(key / m), key % m];
    const smaller = Math.min(trade[a], trade[b]);
    const share = smaller > 0 ? amount / smaller : 0;
    if (share >= threshold && amount > 0) conflicts.push({ a: ids[a], b: ids[b], shared: amount, shareOfSmaller: share });
  }
  conflicts.sort((x, y) => y.shared - x.shared || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return {
    assignment,
    territories: Array.from({ length: m }, (_, j) => ({
      id: ids[j],
      demand: load[j],
      share: total > 0 ? load[j] / total : 0,
      balance: mean > 0 ? load[j] / mean : 0,
      points: points[j],
      tradeArea: trade[j],
    })),
    conflicts,
    unassigned,
  };
}
