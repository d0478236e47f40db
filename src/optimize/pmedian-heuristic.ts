/**
 * p-median at any size: greedy start (lazy, over the nearest lists), fast-interchange descent,
 * then variable neighbourhood search (Hansen & Mladenović 1997: shake k random swaps, descend,
 * keep if better) until the Lagrangian lower bound is met or the budget is spent. The answer
 * carries that bound, so its gap is proven. Seeded: the same instance gives the same answer.
 */
import { mulberry32 } from '../sensitivity/random.ts';
import { lazyGreedy, type SubmodularOracle } from './lazy-greedy.ts';
import type { NearestLists } from './nearest-lists.ts';
import { Interchange } from './pmedian-interchange.ts';
import { PMedianLagrangian } from './pmedian-lagrangian.ts';
import { PMedianState } from './pmedian-state.ts';

export interface PMedianHeuristicOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
  /** Wall-clock budget in seconds (default 30). */
  timeLimit?: number;
  /** Shakes without improvement before stopping (default 400). */
  patience?: number;
  /** Stop once (value − bound) / value is at most this (default 1e-4, HiGHS' own default MIP gap). */
  gapTolerance?: number;
  seed?: number;
}

export interface PMedianHeuristicResult {
  open: number[];
  /** Σ w·d over the lists (the caller re-evaluates on the full costs). */
  value: number;
  /** Lagrangian lower bound, already rounded up when every w·d is a whole number. */
  bound: number;
  notes: string[];
}

function greedyOracle(state: PMedianState): SubmodularOracle {
  const { fstart, fdemand, fcost } = state.lists;
  const w = state.weights;
  let farTotal = 0;
  for (let i = 0; i < state.lists.n; i++) farTotal += w[i] * state.far[i];
  return {
    m: state.lists.m,
    gain(j) {
      let g = 0;
      for (let t = fstart[j]; t < fstart[j + 1]; t++) {
        const d = state.d1[fdemand[t]] - fcost[t];
        if (d > 0) g += w[fdemand[t]] * d;
      }
      return g;
    },
    add: (j) => state.swap(j, -1),
    value: () => farTotal - state.value,
  };
}

function integralData(lists: NearestLists, weights: Float64Array): boolean {
  for (let i = 0; i < lists.n; i++) {
    if (!Number.isInteger(weights[i])) return false;
    for (let t = lists.start[i]; t < lists.start[i + 1]; t++) if (!Number.isInteger(lists.cost[t])) return false;
  }
  return true;
}

export function pmedianHeuristic(lists: NearestLists, weights: Float64Array, fixed: readonly number[], totalOpen: number, o: PMedianHeuristicOptions = {}): PMedianHeuristicResult {
  const t0 = performance.now();
  const budget = 1000 * (o.timeLimit ?? 30);
  const deadline = t0 + budget;
  const progress = o.onProgress ?? (() => {});
  const isFixed = new Uint8Array(lists.m);
  for (const j of fixed) isFixed[j] = 1;
  const state = new PMedianState(lists, weights);
  state.reset(fixed);
  const free = totalOpen - fixed.length;
  progress('p-median greedy start', 0);
  lazyGreedy(greedyOracle(state), free, [], { signal: o.signal, onStep: (s) => progress('p-median greedy start', s / Math.max(1, free)) });
  const greedyValue = state.value;
  const search = new Interchange(state, isFixed);
  const eps = 1e-9 * Math.max(1, Math.abs(state.value));
  progress('p-median interchange', 0);
  search.descend(eps, o.signal, deadline);
  let bestSet = state.openList();
  let bestValue = state.value;
  const notes = [`greedy start ${greedyValue}, after fast interchange ${bestValue}`];

  const integral = integralData(lists, weights);
  const roundBound = (b: number) => (integral ? Math.ceil(b - 1e-6 * Math.max(1, Math.abs(b))) : b);
  const tolerance = integral ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(bestValue));
  const lag = new PMedianLagrangian(lists, weights, fixed, totalOpen);
  progress('p-median Lagrangian bound', 0);
  // The first bound may take at most 40 % of the budget, leaving the search its share.
  lag.run(bestValue, 600, tolerance, o.signal, t0 + 0.4 * budget);
  const gapTolerance = o.gapTolerance ?? 1e-4;
  const proved = () => bestValue - roundBound(lag.best) <= Math.max(integral ? 1e-6 : tolerance, gapTolerance * Math.abs(bestValue));
  const consider = () => {
    if (state.value < bestValue - eps) {
      bestValue = state.value;
      bestSet = state.openList();
      return true;
    }
    return false;
  };
  // The relaxed solution's open set is often a near-optimal start (a Lagrangian heuristic).
  if (!proved() && lag.bestOpen.length === totalOpen) {
    state.reset(lag.bestOpen);
    search.descend(eps, o.signal, deadline);
    consider();
  }

  const rnd = mulberry32(o.seed ?? 1);
  const patience = o.patience ?? 400;
  const kMax = Math.max(1, Math.min(free, 10));
  let k = 1;
  let idle = 0;
  let shakes = 0;
  while (!proved() && idle < patience && free > 0 && totalOpen < lists.m && performance.now() < deadline) {
    o.signal?.throwIfAborted();
    progress('p-median neighbourhood search', idle / patience);
    state.reset(bestSet);
    for (let s = 0; s < k; s++) {
      const closable = state.openList().filter((j) => !isFixed[j]);
      const out = closable[Math.floor(rnd() * closable.length)];
      let inn = Math.floor(rnd() * lists.m);
      while (state.open[inn]) inn = (inn + 1) % lists.m;
      state.swap(inn, out);
    }
    search.descend(eps, o.signal, deadline);
    shakes++;
    if (consider()) {
      k = 1;
      idle = 0;
      // A better target lets the subgradient steps go further.
      lag.run(bestValue, 100, tolerance, o.signal, deadline);
    } else {
      k = (k % kMax) + 1;
      idle++;
    }
  }
  if (!proved()) {
    progress('p-median Lagrangian bound', 0.5);
    lag.run(bestValue, 1000, tolerance, o.signal, deadline);
  }
  notes.push(`neighbourhood search: ${shakes} shakes, best ${bestValue}; Lagrangian bound ${lag.best} after ${lag.iterations} subgradient steps${lists.truncated ? '; nearest lists capped (absent facilities priced at the cap)' : ''}`);
  return { open: bestSet.sort((a, b) => a - b), value: bestValue, bound: roundBound(lag.best), notes };
}
