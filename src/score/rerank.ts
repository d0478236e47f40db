/**
 * Re-weighting: new weights → new scores, ranks and kept flags from the normalised columns already
 * computed. No distance, no normalisation is redone; the id tie order is cached per ids array, so
 * re-ranking 100 k sites fits in an animation frame (bench/rerank.ts).
 * The split: batch scoring normalises and ranks in DuckDB (src/db/score-sql.ts, the same arithmetic
 * as SQL); the page and the notebooks re-rank here, in typed arrays, to hold the ≤ 16 ms goal.
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
