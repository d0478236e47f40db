/**
 * Combining and ranking inside the perturbation loop, with the funnel's rules (DESIGN §3,
 * src/score/combine.ts and rank.ts): score = 100·Σ w_k n_k (sum) or 100·Π max(n_k, 0)^w_k
 * (geometric) with weights summing to 1; rank best first, ties by id, NaN last. Kept here as a
 * few lines so the loop allocates nothing per draw; a test checks the ranks agree with rank.ts.
 */
export type Combine = 'sum' | 'geometric';

export function combineInto(normalised: Float64Array[], w: Float64Array, combine: Combine, score: Float64Array): void {
  const n = score.length;
  score.fill(combine === 'sum' ? 0 : 1);
  for (let k = 0; k < normalised.length; k++) {
    const wk = w[k];
    if (wk === 0) continue;
    const col = normalised[k];
    if (combine === 'sum') for (let i = 0; i < n; i++) score[i] += 100 * wk * col[i];
    else for (let i = 0; i < n; i++) score[i] *= Math.max(col[i], 0) ** wk;
  }
  if (combine === 'geometric') for (let i = 0; i < n; i++) score[i] *= 100;
}

export type Ranker = (score: Float64Array, rank: Int32Array) => void;

export function makeRanker(ids: readonly string[]): Ranker {
  const n = ids.length;
  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const idPos = new Int32Array(n);
  byId.forEach((unit, pos) => (idPos[unit] = pos));
  const order = Array.from({ length: n }, (_, i) => i);
  const key = new Float64Array(n);
  return (score, rank) => {
    for (let i = 0; i < n; i++) key[i] = Number.isNaN(score[i]) ? -Infinity : score[i];
    order.sort((a, b) => key[b] - key[a] || idPos[a] - idPos[b]);
    for (let p = 0; p < n; p++) rank[order[p]] = p + 1;
  };
}
