/**
 * The one entry point: pick the solver for the model and the instance size, run it, and report
 * the objective with its bound and gap. Exact (HiGHS MILP, or enumeration for Huff share) when
 * the instance fits EXACT_LIMITS; lazy greedy with a bound for MCLP and Huff share beyond.
 */
import { UsageError } from '../errors.ts';
import { checkProblem, checkReachable } from './check-problem.ts';
import { evaluateAssignment, evaluateSelection } from './evaluate.ts';
import { solveMilp } from './highs-solve.ts';
import { huffOracle } from './huff-oracle.ts';
import { enumerateHuff } from './huff-enumerate.ts';
import { coverageOracle } from './coverage-oracle.ts';
import { lazyGreedy } from './lazy-greedy.ts';
import { mclpLagrangianBound } from './mclp-lagrangian.ts';
import { mclpSwap } from './mclp-swap.ts';
import { binomial, EXACT_LIMITS } from './limits.ts';
import { LpBuilder } from './lp-builder.ts';
import { openFacilities, type MilpModel } from './milp-common.ts';
import { capacitatedAssign } from './capacitated-assign.ts';
import { capacitatedModel } from './milp-capacitated.ts';
import { lscpModel } from './milp-lscp.ts';
import { mclpModel } from './milp-mclp.ts';
import { pcenterModel } from './milp-pcenter.ts';
import { pmedianModel } from './milp-pmedian.ts';
import { listsAsCosts, nearestLists } from './nearest-lists.ts';
import { pmedianHeuristic } from './pmedian-heuristic.ts';
import { greedyCover } from './cover-greedy.ts';
import { coverLowerBound } from './cover-lagrangian.ts';
import { pcenterHeuristic } from './pcenter-heuristic.ts';
import { refinePCenter } from './pcenter-refine.ts';
import { solvePCenter } from './pcenter-search.ts';
import type { ChosenSite, OptimizeOptions, OptimizeProblem, OptimizeResult, SolveMethod } from './problem.ts';

interface Outcome {
  method: SolveMethod;
  /** Share of each stored pair's demand it serves, when the model assigns explicitly (capacities). */
  assignment?: Float64Array;
  open: number[];
  bound: number;
  exact: boolean;
  status: string;
  notes: string[];
}

function pairsWithin(problem: OptimizeProblem, radius: number): number {
  let c = 0;
  for (const d of problem.costs.cost) if (d <= radius) c++;
  return c;
}

async function runMilp(model: MilpModel, m: number, opts: OptimizeOptions, relax = false) {
  const sol = await solveMilp(
    (highs) => {
      const lp = new LpBuilder(highs, model.numCols);
      model.build(lp);
      return lp.build(model.maximise, relax);
    },
    { timeLimit: opts.timeLimit, loadSolver: opts.loadSolver, signal: opts.signal },
  );
  if (Number.isNaN(sol.objective)) {
    throw new Error(`HiGHS ended with '${sol.status}' and no solution${sol.status === 'Time limit reached' ? '; raise --time-limit' : ''}`);
  }
  return { ...sol, open: openFacilities(sol.x, m) };
}

function tooBig(what: string, size: number, limit: number, fix: string): UsageError {
  return new UsageError(`the instance has ${size} ${what}, above the exact-solver limit of ${limit} (see src/optimize/limits.ts); ${fix}`);
}

/**
 * p-median: the MILP over the pairs that can matter (each point's facilities nearer than its
 * nearest fixed one) when they fit, else greedy + interchange + neighbourhood search with a
 * Lagrangian bound. 'exact' tries the MILP at any size.
 */
async function solvePMedian(problem: OptimizeProblem, totalOpen: number, method: NonNullable<OptimizeOptions['method']>, opts: OptimizeOptions, milp: (mm: MilpModel) => Promise<Outcome>): Promise<Outcome> {
  const fixed = problem.fixed ?? [];
  let lists = nearestLists(problem.costs, fixed);
  const pairs = lists.truncated ? problem.costs.cost.length : lists.fcost.length;
  if (method === 'exact' || (method === 'auto' && pairs <= EXACT_LIMITS.assignmentPairs)) {
    if (lists.truncated) lists = nearestLists(problem.costs, fixed, Infinity);
    const out = await milp(pmedianModel({ ...problem, costs: listsAsCosts(lists, problem.costs) }, totalOpen));
    if (lists.fcost.length < problem.costs.cost.length) out.notes.push(`MILP over ${lists.fcost.length} of ${problem.costs.cost.length} pairs (those nearer than each point's nearest fixed site)`);
    return out;
  }
  const h = pmedianHeuristic(lists, problem.costs.weights, fixed, totalOpen, {
    signal: opts.signal,
    timeLimit: opts.timeLimit,
    onProgress: (stage, fraction) => opts.onProgress?.({ stage, fraction }),
  });
  const exact = h.value <= h.bound && !lists.truncated;
  if (method === 'auto') h.notes.unshift(`${pairs} demand–facility pairs: above the exact-solver limit of ${EXACT_LIMITS.assignmentPairs}, so solved by the heuristic`);
  return { method: 'local-search', open: h.open, bound: h.bound, exact, status: exact ? 'Optimal (bound met)' : 'Heuristic', notes: h.notes };
}

/**
 * Capacitated p-median / MCLP: the MILP with assignment variables when it fits, else the
 * uncapacitated heuristic's sites served within capacities by regret; the uncapacitated bound
 * remains a bound (dropping the capacities relaxes the problem).
 */
async function solveCapacitated(problem: OptimizeProblem, capacity: Float64Array, totalOpen: number, opts: OptimizeOptions): Promise<Outcome> {
  const { model, costs } = problem;
  const method = opts.method ?? 'auto';
  if (model !== 'pmedian' && model !== 'mclp') throw new UsageError(`capacities apply to the pmedian and mclp models, not ${model}`);
  if (capacity.length !== costs.m) throw new UsageError(`${capacity.length} capacities given for ${costs.m} facilities`);
  capacity.forEach((c, j) => {
    if (!(c >= 0)) throw new UsageError(`facility '${costs.facilityIds[j]}' has capacity ${c}: capacities must be numbers >= 0`);
  });
  if (model === 'pmedian') {
    checkReachable(problem, Infinity, 'unreachable from every facility');
    let total = 0;
    for (const w of costs.weights) total += w;
    const fixed = new Set(problem.fixed ?? []);
    const others = Array.from(capacity).filter((_, j) => !fixed.has(j)).sort((a, b) => b - a);
    let best = [...fixed].reduce((a, j) => a + capacity[j], 0);
    for (let t = 0; t < totalOpen - fixed.size; t++) best += others[t];
    if (best < total) throw new UsageError(`the highest possible capacity of ${totalOpen} open sites, ${best}, is smaller than the total demand ${total}; raise --p or the capacities`);
  }
  const pairs = model === 'mclp' ? pairsWithin(problem, problem.radius ?? Infinity) : costs.cost.length;
  if (method === 'exact' || (method === 'auto' && pairs <= EXACT_LIMITS.assignmentPairs)) {
    opts.onProgress?.({ stage: 'solving MILP (HiGHS)', fraction: 0 });
    const r = await runMilp(capacitatedModel(problem, totalOpen, capacity), costs.m, opts);
    const notes = [`capacitated ${problem.singleSource ? 'single-source ' : ''}MILP over ${costs.cost.length} pairs`];
    return { method: 'milp', open: r.open, bound: r.bound, exact: r.optimal, status: r.status, notes, assignment: r.x.slice(costs.m, costs.m + costs.cost.length) };
  }
  const free = await solve({ ...problem, capacity: undefined }, totalOpen, { ...opts, method: 'heuristic' });
  const a = capacitatedAssign(problem, free.open, capacity);
  if (model === 'pmedian' && a.unserved > 0) {
    throw new Error(`the heuristic's sites cannot serve ${a.unserved} of the demand within their capacities; try --method exact with a --time-limit, or raise the capacities`);
  }
  const notes = [...free.notes, `sites from the uncapacitated heuristic, demand served within capacities by regret${problem.singleSource ? ' (single source)' : ''}; bound from the uncapacitated problem`];
  return { method: free.method, open: free.open, bound: free.bound, exact: false, status: 'Heuristic', notes, assignment: a.x };
}

async function solve(problem: OptimizeProblem, totalOpen: number, opts: OptimizeOptions): Promise<Outcome> {
  if (problem.capacity) return solveCapacitated(problem, problem.capacity, totalOpen, opts);
  const { model, costs } = problem;
  const method = opts.method ?? 'auto';
  const m = costs.m;
  const p = totalOpen - (problem.fixed?.length ?? 0);
  const progress = (stage: string, fraction: number) => opts.onProgress?.({ stage, fraction });
  const milp = async (mm: MilpModel): Promise<Outcome> => {
    progress('solving MILP (HiGHS)', 0);
    const r = await runMilp(mm, m, opts);
    return { method: 'milp', open: r.open, bound: r.bound, exact: r.optimal, status: r.status, notes: [] };
  };
  if (model === 'mclp' || model === 'huff') {
    const radius = problem.radius ?? Infinity;
    const size = model === 'mclp' ? pairsWithin(problem, radius) : binomial(m - (totalOpen - p), p, 1e15);
    const limit = model === 'mclp' ? EXACT_LIMITS.coveragePairs : EXACT_LIMITS.huffSubsets;
    // Enumeration also pays n + p·(pairs per facility) per subset: cap the total work too.
    const work = model === 'huff' ? size * (costs.n + (p * costs.cost.length) / Math.max(1, m)) : 0;
    const fits = size <= limit && work <= EXACT_LIMITS.huffWork;
    // 'exact' tries the MILP past the limit (the time limit then bounds it); enumeration stays capped.
    if (method === 'exact' && !fits && model === 'huff') throw tooBig('subsets to enumerate', size, limit, 'use the heuristic');
    if (method === 'exact' || (method === 'auto' && fits)) {
      if (model === 'mclp') return milp(mclpModel(problem, radius, totalOpen));
      progress('enumerating subsets', 0);
      const e = enumerateHuff(problem, p, opts.signal);
      return { method: 'enumeration', open: e.open, bound: e.share, exact: true, status: `Optimal (${size} subsets)`, notes: [] };
    }
    const oracle = model === 'mclp' ? coverageOracle(costs, radius) : huffOracle(problem);
    const run = lazyGreedy(oracle, p, problem.fixed ?? [], { signal: opts.signal, onStep: (s) => progress('lazy greedy', s / p) });
    const notes = [`lazy greedy: ${run.evaluations} gain evaluations; guarantee f(S) − f(fixed) >= (1 − 1/e)(OPT − f(fixed))`];
    let open = [...(problem.fixed ?? []), ...run.chosen].sort((a, b) => a - b);
    let value = run.value;
    if (model === 'mclp') {
      progress('swap local search', 0);
      const deadline = performance.now() + 1000 * (opts.timeLimit ?? 30);
      const swapped = mclpSwap(costs, radius, open, problem.fixed ?? [], opts.signal, deadline);
      open = swapped.open;
      value = evaluateSelection(problem, open).objective;
      notes.push(`swap local search: ${swapped.swaps} swaps, covered ${run.value} → ${value}`);
    }
    let bound = run.bound;
    if (model === 'mclp') {
      progress('Lagrangian bound', 0);
      // Each step is one pass over the pairs (1 M × 10 k, 46 M pairs: ~0.24 s CPU a step; 20 steps
      // gave a 17 % gap, 100 steps 7 %). Any step's value is a valid bound.
      const iterations = opts.boundSteps ?? 60;
      const lag = mclpLagrangianBound(costs, { radius, totalOpen, fixed: problem.fixed ?? [], lowerBound: value, iterations, signal: opts.signal, onStep: (s) => progress('Lagrangian bound', s / iterations) });
      notes.push(`Lagrangian (LP-relaxation) bound ${lag.bound} after ${lag.iterations} subgradient steps`);
      bound = Math.min(bound, lag.bound);
    }
    if (model === 'mclp' && pairsWithin(problem, radius) <= EXACT_LIMITS.coveragePairs) {
      progress('LP relaxation bound (HiGHS)', 0);
      const lp = await runMilp(mclpModel(problem, radius, totalOpen), m, opts, true);
      notes.push(`LP relaxation bound ${lp.objective}`);
      bound = Math.min(bound, lp.objective);
    }
    const exact = bound - value <= 1e-9 * Math.max(1, Math.abs(value));
    return { method: 'lazy-greedy', open, bound, exact, status: exact ? 'Optimal (bound met)' : 'Heuristic', notes };
  }
  if (model === 'lscp') {
    const radius = problem.radius ?? Infinity;
    checkReachable(problem, radius, 'beyond --radius of every facility');
    const size = pairsWithin(problem, radius);
    if (method === 'exact' || (method === 'auto' && size <= EXACT_LIMITS.coveragePairs)) return milp(lscpModel(problem, radius));
    progress('greedy cover', 0);
    const open = greedyCover(problem.costs, radius, problem.fixed ?? [], opts.signal)!;
    progress('Lagrangian cover bound', 0.5);
    const bound = coverLowerBound(problem.costs, { radius, fixed: problem.fixed ?? [], target: open.length, iterations: 300, signal: opts.signal });
    const notes = [`greedy cover with redundant sites dropped: ${open.length} sites; Lagrangian bound ${bound}`];
    if (method === 'auto') notes.unshift(`${size} coverage pairs: above the exact-solver limit of ${EXACT_LIMITS.coveragePairs}, so solved by the heuristic`);
    const exact = bound >= open.length;
    return { method: 'greedy-cover', open, bound, exact, status: exact ? 'Optimal (bound met)' : 'Heuristic', notes };
  }
  checkReachable(problem, Infinity, 'unreachable from every facility');
  if (model === 'pmedian') return solvePMedian(problem, totalOpen, method, opts, milp);
  const size = costs.cost.length;
  if (method === 'heuristic' || (method === 'auto' && size > EXACT_LIMITS.assignmentPairs)) {
    let h = pcenterHeuristic(problem, totalOpen, { signal: opts.signal, timeLimit: opts.timeLimit, onProgress: progress });
    if (method === 'auto') {
      h.notes.unshift(`${size} demand–facility pairs: above the exact-solver limit of ${EXACT_LIMITS.assignmentPairs}, so solved by the heuristic`);
      if (h.value > h.bound) {
        const r = await refinePCenter(problem, totalOpen, h, opts);
        h.notes.push(`exact covers of the demand beyond the fixed sites: ${r.steps} MILPs, radius ${h.value} → ${r.value}, bound ${h.bound} → ${r.bound}${r.stopped ? `; stopped: ${r.stopped}` : ''}`);
        h = { ...h, open: r.open, value: r.value, bound: r.bound };
      }
    }
    const exact = h.value <= h.bound;
    return { method: 'radius-search', open: h.open, bound: h.bound, exact, status: exact ? 'Optimal (bound met)' : 'Heuristic', notes: h.notes };
  }
  if (opts.pcenterFormulation === 'assignment') return milp(pcenterModel(problem, totalOpen));
  const pc = await solvePCenter(problem, totalOpen, opts);
  return { method: 'milp', open: pc.open, bound: pc.radius, exact: true, status: 'Optimal', notes: [`p-center by bisection: ${pc.steps} set-cover MILPs`] };
}

function chosenSites(problem: OptimizeProblem, open: readonly number[]): ChosenSite[] {
  const fixed = new Set(problem.fixed ?? []);
  const loc = problem.locations;
  const site = (j: number): ChosenSite => ({ id: problem.costs.facilityIds[j], index: j, fixed: fixed.has(j), lon: loc ? loc.lon[j] : null, lat: loc ? loc.lat[j] : null });
  return [...open.filter((j) => !fixed.has(j)), ...open.filter((j) => fixed.has(j))].map(site);
}

export async function optimize(problem: OptimizeProblem, opts: OptimizeOptions = {}): Promise<OptimizeResult> {
  const t0 = performance.now();
  opts.signal?.throwIfAborted();
  const totalOpen = checkProblem(problem);
  const out = await solve(problem, totalOpen, opts);
  const metrics = out.assignment ? evaluateAssignment(problem, out.assignment) : evaluateSelection(problem, out.open);
  const objective = metrics.objective;
  // HiGHS' bound is within its tolerance of the optimum; an exact result's bound is its objective.
  const bound = out.exact ? objective : out.bound;
  if (out.exact && out.bound !== objective) out.notes.push(`solver's own bound: ${out.bound}`);
  const gap = Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
  opts.onProgress?.({ stage: 'done', fraction: 1 });
  return {
    model: problem.model,
    method: out.method,
    exact: out.exact,
    objective,
    bound,
    gap,
    selected: out.open,
    selectedIds: out.open.map((j) => problem.costs.facilityIds[j]),
    sites: chosenSites(problem, out.open),
    coveragePct: metrics.coveragePct,
    meanDistance: metrics.meanDistance,
    maxDistance: metrics.maxDistance,
    status: out.status,
    notes: out.notes,
    seconds: (performance.now() - t0) / 1000,
  };
}
