/**
 * Solve a channel mix: exact with HiGHS when the coverage pairs fit EXACT_LIMITS (or when asked),
 * else the rule-keeping greedy with its submodular bound. The answer says which type where, how
 * many of each, what they cost and what each brings.
 */
import { UsageError } from '../errors.ts';
import type { ChannelMixProblem, ChannelMixResult, MixSite, MixTypeSummary } from './channel-mix-problem.ts';
import { channelMixGreedy } from './channel-mix-greedy.ts';
import { channelMixModel } from './channel-mix-milp.ts';
import { existingOutlets, mixValue, type OpenOutlet } from './channel-mix-value.ts';
import { solveMilp } from './highs-solve.ts';
import { EXACT_LIMITS, MIX_AUTO_TIME_LIMIT } from './limits.ts';
import { LpBuilder } from './lp-builder.ts';
import { mixRows, optionAllowed, type MixRow } from './mix-rules.ts';
import type { OptimizeOptions } from './problem.ts';

export type ChannelMixOptions = Pick<OptimizeOptions, 'signal' | 'onProgress' | 'timeLimit' | 'method' | 'loadSolver'>;

function checkTypes(problem: ChannelMixProblem): void {
  const seen = new Set<string>();
  if (problem.types.length === 0) throw new UsageError('a channel mix needs at least one outlet type');
  for (const t of problem.types) {
    if (seen.has(t.name)) throw new UsageError(`outlet type '${t.name}' is given twice`);
    seen.add(t.name);
    if (!(t.cost >= 0 && t.cost < Infinity)) throw new UsageError(`outlet type '${t.name}' has cost ${t.cost}: give a number >= 0`);
    if (!(t.radius > 0 && t.radius < Infinity)) throw new UsageError(`outlet type '${t.name}' has radius ${t.radius}: give metres > 0`);
    if (!(t.value > 0 && t.value < Infinity)) throw new UsageError(`outlet type '${t.name}' has attractiveness ${t.value}: give a number > 0`);
  }
  if (!(problem.budget >= 0 && problem.budget < Infinity)) throw new UsageError(`invalid budget: ${problem.budget} (give a number >= 0)`);
  if (problem.existingType.length !== problem.costs.m) throw new UsageError(`${problem.existingType.length} existing-type entries for ${problem.costs.m} facilities`);
}

/** Coverage pairs the MILP would hold: Σ over allowed (site, type) of the demand within the type's radius. */
function coveragePairs(problem: ChannelMixProblem): number {
  const { costs, types } = problem;
  let size = 0;
  for (let j = 0; j < costs.m; j++) {
    types.forEach((type, t) => {
      if (!optionAllowed(problem, j, t) && problem.existingType[j] !== t) return;
      for (let k = costs.start[j]; k < costs.start[j + 1]; k++) if (costs.cost[k] <= type.radius) size++;
    });
  }
  return size;
}

function describe(problem: ChannelMixProblem, open: readonly OpenOutlet[]) {
  const { costs, types } = problem;
  const v = mixValue(problem, open);
  const loc = problem.locations;
  const sites: MixSite[] = [];
  const byType: MixTypeSummary[] = types.map((t, ti) => ({ type: t.name, newOutlets: 0, existingOutlets: 0, cost: 0, served: v.servedByType[ti], value: v.servedByType[ti] * t.value }));
  let spent = 0;
  open.forEach(({ j, t }, o) => {
    if (problem.existingType[j] === t) {
      byType[t].existingOutlets++;
      return;
    }
    byType[t].newOutlets++;
    byType[t].cost += types[t].cost;
    spent += types[t].cost;
    sites.push({ id: costs.facilityIds[j], index: j, type: types[t].name, cost: types[t].cost, withinRadius: v.withinRadius[o], marginalValue: v.marginal[o], lon: loc ? loc.lon[j] : null, lat: loc ? loc.lat[j] : null });
  });
  sites.sort((a, b) => b.marginalValue - a.marginalValue || a.id.localeCompare(b.id));
  return { v, sites, byType, spent };
}

interface MixOutcome {
  method: ChannelMixResult['method'];
  open: OpenOutlet[];
  bound: number;
  exact: boolean;
  status: string;
  notes: string[];
}

/** The MILP; null when HiGHS stopped at its time limit without any mix (auto then falls back). */
async function milpMix(problem: ChannelMixProblem, rows: readonly MixRow[], size: number, opts: ChannelMixOptions): Promise<MixOutcome | null> {
  const method = opts.method ?? 'auto';
  opts.onProgress?.({ stage: 'solving MILP (HiGHS)', fraction: 0 });
  const T = problem.types.length;
  const model = channelMixModel(problem, rows);
  const timeLimit = opts.timeLimit ?? (method === 'auto' ? MIX_AUTO_TIME_LIMIT : undefined);
  const sol = await solveMilp((highs) => {
    const lp = new LpBuilder(highs, model.numCols);
    model.build(lp);
    return lp.build(true);
  }, { timeLimit, loadSolver: opts.loadSolver, signal: opts.signal });
  if (sol.status === 'Infeasible') throw new UsageError('no mix meets every rule within the budget (HiGHS: infeasible); raise the budget or relax a rule');
  if (Number.isNaN(sol.objective)) {
    if (method === 'auto' && sol.status === 'Time limit reached') return null;
    throw new Error(`HiGHS ended with '${sol.status}' and no solution${sol.status === 'Time limit reached' ? '; raise --time-limit' : ''}`);
  }
  const open = existingOutlets(problem);
  for (let o = 0; o < problem.costs.m * T; o++) if (sol.x[o] > 0.5) open.push({ j: Math.floor(o / T), t: o % T });
  return { method: 'milp', open, bound: sol.bound, exact: sol.optimal, status: sol.status, notes: [`MILP over ${size} coverage pairs and ${rows.length} rule rows`] };
}

function greedyMix(problem: ChannelMixProblem, rows: readonly MixRow[], opts: ChannelMixOptions): MixOutcome {
  opts.onProgress?.({ stage: 'greedy', fraction: 0 });
  const g = channelMixGreedy(problem, rows, opts.signal);
  const exact = g.bound - g.objective <= 1e-9 * Math.max(1, g.objective);
  return { method: 'greedy', open: g.open, bound: g.bound, exact, status: exact ? 'Optimal (bound met)' : 'Heuristic', notes: g.notes };
}

export async function solveChannelMix(problem: ChannelMixProblem, opts: ChannelMixOptions = {}): Promise<ChannelMixResult> {
  const t0 = performance.now();
  checkTypes(problem);
  const rows = mixRows(problem);
  const method = opts.method ?? 'auto';
  const size = coveragePairs(problem);
  let out: MixOutcome | null = null;
  const notes: string[] = [];
  if (method === 'exact' || (method === 'auto' && size <= EXACT_LIMITS.mixPairs)) {
    out = await milpMix(problem, rows, size, opts);
    if (!out) notes.push(`HiGHS found no mix within ${MIX_AUTO_TIME_LIMIT} s, so solved by the heuristic (give --time-limit to wait longer)`);
  } else if (method === 'auto') notes.push(`${size} coverage pairs: above the exact-solver limit of ${EXACT_LIMITS.mixPairs}, so solved by the heuristic`);
  out ??= greedyMix(problem, rows, opts);
  const { open, bound, exact, status } = out;
  notes.push(...out.notes);
  const { v, sites, byType, spent } = describe(problem, open);
  const baseline = mixValue(problem, existingOutlets(problem)).objective;
  if (exact && Math.abs(bound - v.objective) > 1e-6 * Math.max(1, v.objective)) notes.push(`solver's own bound: ${bound}`);
  const finalBound = exact ? v.objective : Math.max(bound, v.objective);
  let totalDemand = 0;
  for (const w of problem.costs.weights) totalDemand += w;
  opts.onProgress?.({ stage: 'done', fraction: 1 });
  return {
    method: out.method,
    exact,
    objective: v.objective,
    baseline,
    bound: finalBound,
    gap: Math.abs(finalBound - v.objective) / Math.max(Math.abs(v.objective), 1e-9),
    budget: problem.budget,
    spent,
    served: v.served,
    totalDemand,
    sites,
    byType,
    status,
    notes,
    seconds: (performance.now() - t0) / 1000,
  };
}
