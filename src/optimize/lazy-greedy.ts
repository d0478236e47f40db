/**
 * Lazy greedy (Minoux 1978) for a monotone submodular objective f over facilities: start from the
 * fixed sites, add p more, each time the one with the largest marginal gain. Gains only shrink as
 * the set grows, so a gain computed earlier is an upper bound: only the heap top is recomputed.
 * Greedy achieves f(S) − f(F) >= (1 − 1/e)·(OPT − f(F)) (Nemhauser, Wolsey & Fisher 1978).
 */
import { MaxHeap } from './max-heap.ts';

export interface SubmodularOracle {
  /** Number of facilities. */
  m: number;
  /** f(S ∪ {j}) − f(S) for the current S. */
  gain(j: number): number;
  /** S ← S ∪ {j}. */
  add(j: number): void;
  /** f(S). */
  value(): number;
}

export interface GreedyRun {
  chosen: number[];
  /** f at the fixed sites only. */
  fixedValue: number;
  value: number;
  /** Smallest proven upper bound on the optimum found along the way. */
  bound: number;
  /** Gain evaluations made (m per step would be plain greedy). */
  evaluations: number;
}

/** Upper bound on max f over |T| = p added sites: f(S) + the p largest gains at S (Minoux). */
export function onlineBound(oracle: SubmodularOracle, open: Uint8Array, p: number): number {
  const gains: number[] = [];
  for (let j = 0; j < oracle.m; j++) if (!open[j]) gains.push(oracle.gain(j));
  gains.sort((a, b) => b - a);
  let bound = oracle.value();
  for (let t = 0; t < Math.min(p, gains.length); t++) bound += gains[t];
  return bound;
}

export function lazyGreedy(
  oracle: SubmodularOracle,
  p: number,
  fixed: readonly number[],
  opts: { signal?: AbortSignal; onStep?: (step: number) => void } = {},
): GreedyRun {
  const open = new Uint8Array(oracle.m);
  for (const j of fixed) {
    open[j] = 1;
    oracle.add(j);
  }
  const fixedValue = oracle.value();
  const heap = new MaxHeap(oracle.m);
  const stamp = new Int32Array(oracle.m);
  let evaluations = 0;
  let initialTop = 0;
  const initialGains: number[] = [];
  for (let j = 0; j < oracle.m; j++) {
    if (open[j]) continue;
    const g = oracle.gain(j);
    evaluations++;
    heap.push(g, j);
    stamp[j] = 1; // exact for the first step
    initialGains.push(g);
  }
  initialGains.sort((a, b) => b - a);
  for (let t = 0; t < Math.min(p, initialGains.length); t++) initialTop += initialGains[t];
  const chosen: number[] = [];
  for (let step = 1; step <= p && heap.size > 0; step++) {
    opts.signal?.throwIfAborted();
    for (;;) {
      const j = heap.topItem();
      if (stamp[j] === step) {
        heap.pop();
        oracle.add(j);
        open[j] = 1;
        chosen.push(j);
        break;
      }
      heap.pop();
      heap.push(oracle.gain(j), j);
      evaluations++;
      stamp[j] = step;
    }
    opts.onStep?.(step);
  }
  const value = oracle.value();
  const curvatureFree = fixedValue + (value - fixedValue) / (1 - 1 / Math.E);
  const bound = Math.min(fixedValue + initialTop, onlineBound(oracle, open, p), curvatureFree);
  return { chosen, fixedValue, value, bound, evaluations };
}
