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
      return applyNone(goodness, out);
  }
}

/** 'none': the goodness as it is, NaN as 0. */
export function applyNone(g: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < g.length; i++) out[i] = Number.isNaN(g[i]) ? 0 : g[i];
  return out;
}

/** The 0–1 value of a non-finite goodness: +∞ is best, −∞ and NaN worst. */
export function nonFinite(value: number): number {
  return value === Infinity ? 1 : 0;
}

/** The finite range of the goodness seen so far (a streamed column adds chunk after chunk). */
export interface Range {
  min: number;
  max: number;
}

export function addRange(g: Float64Array, range: Range = { min: Infinity, max: -Infinity }): Range {
  for (const v of g) {
    if (!Number.isFinite(v)) continue;
    if (v < range.min) range.min = v;
    if (v > range.max) range.max = v;
  }
  return range;
}

/** (g − min) / (max − min); all equal → 1 (no unit is worse than another). */
export function applyMinMax(g: Float64Array, { min, max }: Range, out: Float64Array): Float64Array {
  const span = max - min;
  for (let i = 0; i < g.length; i++) {
    const v = g[i];
    out[i] = !Number.isFinite(v) ? nonFinite(v) : span > 0 ? (v - min) / span : 1;
  }
  return out;
}

/** Finite count, sum, then squared deviations from the mean, added in unit order. */
export interface Moments {
  n: number;
  sum: number;
  squares: number;
}

export function addSum(g: Float64Array, m: Moments = { n: 0, sum: 0, squares: 0 }): Moments {
  for (const v of g) {
    if (!Number.isFinite(v)) continue;
    m.n++;
    m.sum += v;
  }
  return m;
}

export function meanOf(m: Moments): number {
  return m.n > 0 ? m.sum / m.n : 0;
}

export function addSquares(g: Float64Array, m: Moments): Moments {
  const mean = meanOf(m);
  for (const v of g) if (Number.isFinite(v)) m.squares += (v - mean) ** 2;
  return m;
}

/** z = (g − mean) / sd, mapped through the standard normal CDF Φ so that it lies in 0–1. */
export function applyZScore(g: Float64Array, m: Moments, out: Float64Array): Float64Array {
  const mean = meanOf(m);
  const sd = m.n > 1 ? Math.sqrt(m.squares / (m.n - 1)) : 0;
  for (let i = 0; i < g.length; i++) {
    const v = g[i];
    out[i] = !Number.isFinite(v) ? nonFinite(v) : sd > 0 ? normalCdf((v - mean) / sd) : 0.5;
  }
  return out;
}

function minMax(g: Float64Array, out: Float64Array): Float64Array {
  return applyMinMax(g, addRange(g), out);
}

function zScore(g: Float64Array, out: Float64Array): Float64Array {
  return applyZScore(g, addSquares(g, addSum(g)), out);
}

/**
 * The percentile or rank value of a run of `equal` equal finite values that starts at sorted
 * position `start` and is the `level`-th distinct value, among `n` finite values (`distinct` of them
 * distinct). percentile: share of the other finite units that this one beats, ties counting half
 * ((below + (equal − 1)/2) / (n − 1)); rank: (dense rank − 1) / (distinct values − 1).
 * Both are 0 for the worst and 1 for the best.
 */
export function percentileValue(start: number, equal: number, level: number, n: number, distinct: number, dense: boolean): number {
  return dense
    ? distinct > 1 ? level / (distinct - 1) : 1
    : n > 1 ? (start + (equal - 1) / 2) / (n - 1) : 1;
}

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
    const value = percentileValue(start, end - start + 1, level, n, distinct, dense);
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
