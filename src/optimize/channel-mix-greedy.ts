/**
 * The channel-mix heuristic for instances beyond the MILP: greedy by value gained per unit of
 * cost, keeping every mix rule's row satisfied — first the rows that start unmet (a minimum per
 * district, a ratio the existing network breaks), then filling the budget. The objective is a
 * weighted maximum coverage, monotone and submodular, so for any set S the optimum is at most
 * f(S) + the best budget-limited sum of single-outlet gains over S (a fractional knapsack); the
 * smallest such bound seen along the way is reported.
 */
import { UsageError } from '../errors.ts';
import type { ChannelMixProblem } from './channel-mix-problem.ts';
import { existingOutlets, mixValue, type OpenOutlet } from './channel-mix-value.ts';
import { optionAllowed, type MixRow } from './mix-rules.ts';

export interface MixGreedyResult {
  open: OpenOutlet[];
  objective: number;
  bound: number;
  notes: string[];
}

const EPS = 1e-9;

/** Σ_i w_i · max(0, a_t − best_i) over the demand within type t's radius of j. */
function gainOf(problem: ChannelMixProblem, best: Float64Array, j: number, t: number): number {
  const { costs } = problem;
  const { radius, value } = problem.types[t];
  let g = 0;
  for (let k = costs.start[j]; k < costs.start[j + 1]; k++) {
    if (costs.cost[k] > radius) continue;
    const i = costs.demand[k];
    if (value > best[i]) g += costs.weights[i] * (value - best[i]);
  }
  return g;
}

/** Largest Σ gain over options of total cost <= budget, each taken at most once, fractions allowed. */
function knapsackBound(gains: Float64Array, cost: Float64Array, budget: number): number {
  const order = Array.from(gains.keys()).filter((o) => gains[o] > 0);
  order.sort((a, b) => gains[b] * cost[a] - gains[a] * cost[b]);
  let room = budget;
  let total = 0;
  for (const o of order) {
    if (cost[o] <= room) {
      total += gains[o];
      room -= cost[o];
    } else {
      total += (gains[o] * room) / cost[o];
      break;
    }
  }
  return total;
}

export function channelMixGreedy(problem: ChannelMixProblem, rows: readonly MixRow[], signal?: AbortSignal): MixGreedyResult {
  const { costs, types } = problem;
  const T = types.length;
  const options: number[] = [];
  for (let j = 0; j < costs.m; j++) for (let t = 0; t < T; t++) if (optionAllowed(problem, j, t)) options.push(j * T + t);
  const optionCost = Float64Array.from(options, (o) => types[o % T].cost);
  const rowsOf = new Map<number, { row: number; coef: number }[]>();
  rows.forEach((row, r) => row.cols.forEach((o, s) => {
    const list = rowsOf.get(o) ?? [];
    list.push({ row: r, coef: row.vals[s] });
    rowsOf.set(o, list);
  }));
  const activity = new Float64Array(rows.length);
  const unmet = () => rows.findIndex((row, r) => activity[r] < row.lower - EPS);
  const fits = (o: number) => (rowsOf.get(o) ?? []).every(({ row, coef }) => {
    const next = activity[row] + coef;
    return coef > 0 ? next <= rows[row].upper + EPS : next >= Math.min(rows[row].lower, activity[row]) - EPS;
  });
  const siteTaken = new Uint8Array(costs.m);
  const open = existingOutlets(problem);
  let spent = 0;
  const start = mixValue(problem, open);
  let best = start.best;
  let objective = start.objective;
  let bound = Infinity;
  const gains = new Float64Array(options.length);
  const notes: string[] = [];
  let repairs = 0;
  for (;;) {
    signal?.throwIfAborted();
    for (let q = 0; q < options.length; q++) gains[q] = gainOf(problem, best, Math.floor(options[q] / T), options[q] % T);
    const missing = unmet();
    if (missing < 0) bound = Math.min(bound, objective + knapsackBound(gains, optionCost, problem.budget));
    let pick = -1;
    let pickScore = -Infinity;
    for (let q = 0; q < options.length; q++) {
      const o = options[q];
      if (siteTaken[Math.floor(o / T)] || spent + optionCost[q] > problem.budget + EPS || !fits(o)) continue;
      if (missing >= 0 && !rows[missing].cols.some((c, s) => c === o && rows[missing].vals[s] > 0)) continue;
      if (missing < 0 && !(gains[q] > EPS)) continue;
      // Per unit of cost; a free outlet ranks by its gain alone, above any paid one.
      const score = optionCost[q] > 0 ? gains[q] / optionCost[q] : 1e300 * (1 + gains[q]);
      if (score > pickScore) {
        pick = q;
        pickScore = score;
      }
    }
    if (pick < 0) {
      if (missing >= 0) throw new UsageError(`the greedy found no outlet that meets "${rows[missing].text}" within the budget and the other rules; try --method exact (with --time-limit), relax the rule or raise the budget`);
      break;
    }
    const o = options[pick];
    if (missing >= 0) repairs++;
    siteTaken[Math.floor(o / T)] = 1;
    spent += optionCost[pick];
    for (const { row, coef } of rowsOf.get(o) ?? []) activity[row] += coef;
    open.push({ j: Math.floor(o / T), t: o % T });
    const v = mixValue(problem, open);
    best = v.best;
    objective = v.objective;
  }
  notes.push(`greedy by value per unit of cost: ${open.length - existingOutlets(problem).length} outlets${repairs > 0 ? `, ${repairs} of them placed first to meet the mix rules` : ''}; bound from the best budget-limited sum of single-outlet gains (submodularity)`);
  return { open, objective, bound: Math.max(bound, objective), notes };
}
