/**
 * Combination of normalised criteria into a 0–100 score (DESIGN §3) and its explanation.
 * Weights are rescaled to sum 1, so weights that differ by a common factor give the same scores.
 * - sum: score = 100 · Σ w_k n_k; contribution_k = 100 · w_k n_k.
 * - geometric: score = 100 · Π n_k^w_k (a 0 on any weighted criterion gives 0); the score is split
 *   over the criteria in proportion to w_k n_k so that contributions still sum to the score.
 */
export type Combine = 'sum' | 'geometric';

/** Weights rescaled to sum 1; all zero → all zero. */
export function rescaleWeights(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k];
  const out = new Float64Array(weights.length);
  if (total > 0) for (let k = 0; k < weights.length; k++) out[k] = weights[k] / total;
  return out;
}

/**
 * Fills `score` and `contributions[k]` (one per normalised column) for n units. Reuses the given
 * arrays so a re-ranking allocates nothing per criterion beyond what the caller hands in.
 */
export function combineScores(
  normalised: Float64Array[],
  weights: ArrayLike<number>,
  combine: Combine,
  score: Float64Array,
  contributions: Float64Array[],
): void {
  const w = rescaleWeights(weights);
  const n = score.length;
  const m = normalised.length;
  if (combine === 'sum') {
    score.fill(0);
    for (let k = 0; k < m; k++) {
      const col = normalised[k];
      const out = contributions[k];
      const factor = 100 * w[k];
      for (let i = 0; i < n; i++) {
        const c = factor * col[i];
        out[i] = c;
        score[i] += c;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    let logScore = 0;
    let share = 0;
    for (let k = 0; k < m; k++) {
      if (w[k] === 0) continue;
      const v = normalised[k][i];
      logScore += w[k] * Math.log(Math.max(v, 0));
      share += w[k] * v;
    }
    const s = 100 * Math.exp(logScore);
    score[i] = s;
    for (let k = 0; k < m; k++) contributions[k][i] = share > 0 ? (s * w[k] * normalised[k][i]) / share : 0;
  }
}
