/**
 * Weight sensitivity (DESIGN §5): perturb the chosen criterion weights many times, Dirichlet
 * around them — w' ~ Dir(concentration · w / Σw), so E[w'] = w/Σw and a larger concentration
 * means smaller perturbations — re-score and re-rank every unit each time, and report how often
 * each unit stays in the top k and the spread of its rank. A planner sees which picks are robust.
 *
 * Scores are combined and ranked by the funnel's rules (rank-units.ts) from
 * LevelResult.criteria[].normalised, so a draw equal to the original weights reproduces the ranks.
 */
import { UsageError } from '../errors.ts';
import { dirichlet, mulberry32 } from './random.ts';
import { combineInto, makeRanker, type Combine } from './rank-units.ts';

export interface WeightSensitivityOptions {
  /** Dirichlet concentration (sum of the alphas): 10 is loose, 100 tight, 1000 nearly fixed. */
  concentration: number;
  draws: number;
  seed: number;
  topK: number;
  combine?: Combine;
}

export interface WeightSensitivity {
  /** Share of draws in which the unit ranked <= topK. */
  pTopK: Float64Array;
  /** 5th, 95th percentile and median rank over the draws (nearest-rank: the ⌈q·draws⌉-th smallest). */
  rankP05: Int32Array;
  rankP95: Int32Array;
  rankMedian: Int32Array;
}

/** Above this many stored ranks (draws × units, 4 bytes each) ask for fewer draws. */
const MAX_STORED_RANKS = 50_000_000;

function check(normalised: Float64Array[], weights: number[], ids: string[], o: WeightSensitivityOptions): void {
  if (normalised.length !== weights.length) throw new UsageError(`${weights.length} weights given for ${normalised.length} criteria`);
  for (const col of normalised) if (col.length !== ids.length) throw new UsageError(`a criterion column has ${col.length} values for ${ids.length} units`);
  if (!weights.every((w) => w >= 0 && w < Infinity) || !weights.some((w) => w > 0)) throw new UsageError(`weights must be >= 0 with at least one > 0 (got ${weights.join(', ')})`);
  if (!(o.concentration > 0 && o.concentration < Infinity)) throw new UsageError(`invalid concentration: ${o.concentration} (give a number > 0, e.g. 50)`);
  if (!Number.isInteger(o.draws) || o.draws < 1) throw new UsageError(`invalid number of draws: ${o.draws} (give a whole number >= 1)`);
  if (!Number.isInteger(o.topK) || o.topK < 1) throw new UsageError(`invalid top k: ${o.topK} (give a whole number >= 1)`);
  if (o.draws * ids.length > MAX_STORED_RANKS) throw new UsageError(`${o.draws} draws × ${ids.length} units is too many ranks to keep; use at most ${Math.floor(MAX_STORED_RANKS / Math.max(ids.length, 1))} draws`);
}

export function weightSensitivity(normalised: Float64Array[], weights: number[], ids: string[], opts: WeightSensitivityOptions): WeightSensitivity {
  check(normalised, weights, ids, opts);
  const n = ids.length;
  const { draws, topK } = opts;
  const total = weights.reduce((a, b) => a + b, 0);
  const alpha = weights.map((w) => (opts.concentration * w) / total);
  const rnd = mulberry32(opts.seed);
  const drawn = new Float64Array(weights.length);
  const score = new Float64Array(n);
  const rank = new Int32Array(n);
  const rankScores = makeRanker(ids);
  // Unit-major so each unit's ranks are contiguous for the percentiles.
  const ranks = new Int32Array(n * draws);
  const inTop = new Int32Array(n);
  for (let t = 0; t < draws; t++) {
    dirichlet(rnd, alpha, drawn);
    combineInto(normalised, drawn, opts.combine ?? 'sum', score);
    rankScores(score, rank);
    for (let i = 0; i < n; i++) {
      ranks[i * draws + t] = rank[i];
      if (rank[i] <= topK) inTop[i]++;
    }
  }
  const at = (q: number) => Math.max(0, Math.ceil(q * draws) - 1);
  const pTopK = new Float64Array(n);
  const rankP05 = new Int32Array(n);
  const rankP95 = new Int32Array(n);
  const rankMedian = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const own = ranks.subarray(i * draws, (i + 1) * draws).sort();
    pTopK[i] = inTop[i] / draws;
    rankP05[i] = own[at(0.05)];
    rankMedian[i] = own[at(0.5)];
    rankP95[i] = own[at(0.95)];
  }
  return { pTopK, rankP05, rankP95, rankMedian };
}
