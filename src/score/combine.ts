/**
 * Combination of normalised criteria into a 0–100 score (DESIGN §3) and its explanation.
 * Weights are rescaled to sum 1, so weights that differ by a common factor give the same scores.
 * - sum: score = 100 · Σ w_k n_k; contribution_k = 100 · w_k n_k.
 * - geometric: score = 100 · Π n_k^w_k (a 0 on any weighted criterion gives 0); the score is split
 *   over the criteria in proportion to w_k n_k so that contributions still sum to the score.
 * Scores are computed eagerly; a contribution column only when it is read (explained.ts), so a
 * re-ranking allocates one score array rather than one array per criterion.
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

/** Fills `score` from the normalised columns and the rescaled weights `w`. */
export function combineScores(normalised: Float64Array[], w: Float64Array, combine: Combine, score: Float64Array): Float64Array {
  if (combine === 'sum') return weightedSum(normalised, w, score);
  const n = score.length;
  score.fill(1);
  for (let k = 0; k < normalised.length; k++) {
    const wk = w[k];
    if (wk === 0) continue;
    const col = normalised[k];
    for (let i = 0; i < n; i++) score[i] *= Math.max(col[i], 0) ** wk;
  }
  for (let i = 0; i < n; i++) score[i] *= 100;
  return score;
}

/** 100 · Σ w_k n_k, three columns a pass (a third of the trips through `score`: the re-rank hot loop). */
function weightedSum(normalised: Float64Array[], w: Float64Array, score: Float64Array): Float64Array {
  const n = score.length;
  const used = normalised.flatMap((col, k) => (w[k] !== 0 ? [{ col, f: 100 * w[k] }] : []));
  score.fill(0);
  let k = 0;
  for (; k + 3 <= used.length; k += 3) {
    const [a, b, c] = [used[k], used[k + 1], used[k + 2]];
    const ca = a.col, cb = b.col, cc = c.col, fa = a.f, fb = b.f, fc = c.f;
    for (let i = 0; i < n; i++) score[i] += fa * ca[i] + fb * cb[i] + fc * cc[i];
  }
  for (; k < used.length; k++) {
    const { col, f } = used[k];
    for (let i = 0; i < n; i++) score[i] += f * col[i];
  }
  return score;
}

/** The contribution of criterion k to every unit's score. */
export function contributionOf(k: number, normalised: Float64Array[], w: Float64Array, combine: Combine, score: Float64Array): Float64Array {
  const n = score.length;
  const col = normalised[k];
  const out = new Float64Array(n);
  if (w[k] === 0) return out;
  if (combine === 'sum') {
    const factor = 100 * w[k];
    for (let i = 0; i < n; i++) out[i] = factor * col[i];
    return out;
  }
  for (let i = 0; i < n; i++) {
    let share = 0;
    for (let j = 0; j < normalised.length; j++) share += w[j] * normalised[j][i];
    out[i] = share > 0 ? (score[i] * w[k] * col[i]) / share : 0;
  }
  return out;
}
