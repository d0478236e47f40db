/**
 * Normalisation of one criterion over the units compared at a level (DESIGN §3). The input is the
 * "goodness" after the direction (higher is better); the output is 0–1 with 1 best, so a weighted
 * sum of them is a 0–100 score. Non-finite goodness never enters the statistics: +∞ is best (1),
 * −∞ and NaN are worst (0).
 */
import type { Normalisation } from '../scenario/criterion-spec.ts';

export function normalise(goodness: Float64Array, method: Normalisation, out = new Float64Array(goodness.length)): Float64Array {
  switch (method) {
    case 'minmax':
      return minMax(goodness, out);
    case 'zscore':
      return zScore(goodness, out);
    case 'percentile':
      return percentile(goodness, out, false);
    case 'rank':
      return percentile(goodness, out, true);
    case 'none':
      for (let i = 0; i < goodness.length; i++) out[i] = Number.isNaN(goodness[i]) ? 0 : goodness[i];
      return out;
  }
}

function nonFinite(value: number): number {
  return value === Infinity ? 1 : 0;
}

/** (g − min) / (max − min); all equal → 1 (no unit is worse than another). */
function minMax(g: Float64Array, out: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of g) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  for (let i = 0; i < g.length; i++) {
    const v = g[i];
    out[i] = !Number.isFinite(v) ? nonFinite(v) : span > 0 ? (v - min) / span : 1;
  }
  return out;
}

/** z = (g − mean) / sd, mapped through the standard normal CDF Φ so that it lies in 0–1. */
function zScore(g: Float64Array, out: Float64Array): Float64Array {
  let n = 0;
  let sum = 0;
  for (const v of g) {
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (const v of g) if (Number.isFinite(v)) squares += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  for (let i = 0; i < g.length; i++) {
    const v = g[i];
    out[i] = !Number.isFinite(v) ? nonFinite(v) : sd > 0 ? normalCdf((v - mean) / sd) : 0.5;
  }
  return out;
}

/**
 * percentile: share of the other finite units that this one beats, ties counting half
 * ((below + (equal − 1)/2) / (n − 1)); rank: (dense rank − 1) / (distinct values − 1).
 * Both are 0 for the worst and 1 for the best.
 */
function percentile(g: Float64Array, out: Float64Array, dense: boolean): Float64Array {
  const finite: number[] = [];
  for (let i = 0; i < g.length; i++) if (Number.isFinite(g[i])) finite.push(i);
  finite.sort((a, b) => g[a] - g[b]);
  const n = finite.length;
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || g[finite[k]] !== g[finite[k - 1]]) distinct++;
  let start = 0;
  let level = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && g[finite[end + 1]] === g[finite[start]]) end++;
    const equal = end - start + 1;
    const value = dense
      ? distinct > 1 ? level / (distinct - 1) : 1
      : n > 1 ? (start + (equal - 1) / 2) / (n - 1) : 1;
    for (let k = start; k <= end; k++) out[finite[k]] = value;
    level++;
    start = end + 1;
  }
  for (let i = 0; i < g.length; i++) if (!Number.isFinite(g[i])) out[i] = nonFinite(g[i]);
  return out;
}

/** Φ(z) via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}
