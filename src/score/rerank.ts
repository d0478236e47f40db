/**
 * Re-weighting: new weights → new scores, ranks and kept flags from the normalised columns a level
 * already holds. No distance, no normalisation is redone; the id tie order is cached per ids array,
 * so re-ranking 100 k sites fits in an animation frame (bench/rerank.ts).
 *
 * Where the one scoring path splits (issue 13): every level is scored in SQL, in the caller's DuckDB
 * (score-level.ts → src/db/score-sql.ts: normalisation, weights and points, rank with ties by id,
 * per-parent top-N). Only re-combining those normalised columns under other weights stays in JS
 * typed arrays — here, for the page's weight sliders and the notebooks, and in the sensitivity draws
 * (src/sensitivity/weights.ts, thousands of weight vectors) — because a slider move must re-rank
 * 100 k sites within a 16 ms frame, which a round trip through DuckDB-WASM's worker (a query, an
 * Arrow result read back) cannot hold. combine.ts, rank.ts and keep.ts serve this side; with a
 * level's own weights they give the SQL's scores to the last bit (test/db/score-sql.test.ts).
 */
import { UsageError } from '../errors.ts';
import type { Combine } from './combine.ts';
import { explainScores, type ColumnBase } from './explained.ts';
import { decideKept } from './keep.ts';
import { RankSorter } from './rank.ts';
import type { LevelResult } from './types.ts';

const sorters = new WeakMap<readonly string[], RankSorter>();

/** The cached sorter for an ids array (the same array object across re-rankings). */
export function sorterFor(ids: readonly string[]): RankSorter {
  let sorter = sorters.get(ids);
  if (!sorter) {
    sorter = new RankSorter(ids);
    sorters.set(ids, sorter);
  }
  return sorter;
}

/** Criteria not named in `weights` keep their weight. */
export function rerank(level: LevelResult, weights: Record<string, number>, combine?: 'sum' | 'geometric'): LevelResult {
  const n = level.ids.length;
  const how: Combine = combine ?? level.combine ?? 'sum';
  const columns: ColumnBase[] = level.criteria.map((c) => {
    const weight = weights[c.name] ?? c.weight;
    if (!(weight >= 0 && Number.isFinite(weight))) throw new UsageError(`rerank: weights.${c.name} must be a finite number ≥ 0, got ${weight}`);
    // name each field: spreading the column would read (and compute) its contributions
    const base: ColumnBase = { name: c.name, label: c.label, weight, raw: c.raw, normalised: c.normalised };
    if (c.normalise) base.normalise = c.normalise;
    if (c.direction) base.direction = c.direction;
    return base;
  });
  if (!Number.isFinite(columns.reduce((a, c) => a + c.weight, 0))) throw new UsageError('rerank: the weights add up to more than the largest number; scale them down');
  const { score, criteria } = explainScores(columns, how, n);
  const rank = new Int32Array(n);
  const order = sorterFor(level.ids).rank(score, rank);
  const kept = level.keepRule ? decideKept(order, score, level.keepRule, level.lon, level.lat) : level.kept.slice();
  return { ...level, score, rank, kept, criteria, combine: how };
}
