/**
 * Scored criterion columns whose `contribution` is computed on first read and then kept: an own,
 * enumerable accessor, so spreading or copying a column still carries its contributions.
 */
import { combineScores, contributionOf, rescaleWeights, type Combine } from './combine.ts';
import type { CriterionColumn } from './types.ts';

export type ColumnBase = Omit<CriterionColumn, 'contribution'>;

/** Scores `columns` with their weights; returns the score and the columns with contributions. */
export function explainScores(columns: ColumnBase[], combine: Combine, n: number): { score: Float64Array; criteria: CriterionColumn[] } {
  const normalised = columns.map((c) => c.normalised);
  const w = rescaleWeights(columns.map((c) => c.weight));
  const score = combineScores(normalised, w, combine, new Float64Array(n));
  const criteria = columns.map((base, k) => {
    let cached: Float64Array | undefined;
    const column = { ...base } as CriterionColumn;
    Object.defineProperty(column, 'contribution', {
      enumerable: true,
      configurable: true,
      get: () => (cached ??= contributionOf(k, normalised, w, combine, score)),
    });
    return column;
  });
  return { score, criteria };
}
