/**
 * Ranks scores best first with ties broken by id — the same order as src/score/rank.ts. The radix
 * sorter there clears 4 × 65 536 counters per call, which dominates when a few hundred units are
 * re-ranked thousands of times; below SMALL a comparison sort is much faster.
 */
import { RankSorter } from '../score/rank.ts';

const SMALL = 4096;

export type Ranker = (score: Float64Array, rank: Int32Array) => void;

export function makeRanker(ids: readonly string[]): Ranker {
  const n = ids.length;
  const sorter = new RankSorter(ids);
  if (n >= SMALL) return (score, rank) => void sorter.rank(score, rank);
  const idPos = new Int32Array(n);
  sorter.idOrder.forEach((unit, pos) => (idPos[unit] = pos));
  const order = Array.from({ length: n }, (_, i) => i);
  const key = new Float64Array(n);
  return (score, rank) => {
    for (let i = 0; i < n; i++) key[i] = Number.isNaN(score[i]) ? -Infinity : score[i];
    order.sort((a, b) => key[b] - key[a] || idPos[a] - idPos[b]);
    for (let p = 0; p < n; p++) rank[order[p]] = p + 1;
  };
}
