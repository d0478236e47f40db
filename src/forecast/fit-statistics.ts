/**
 * How well a calibration fits and how sure its parameters are. Standard errors come from a sandwich
 * (robust) covariance B⁻¹ M B⁻¹ · n/(n − p), B = JᵀWJ the quasi-Fisher information, M = Σ r_j² J_jᵀJ_j/μ_j²:
 * the quasi-likelihood's own φB⁻¹ is right only when the variance is proportional to the mean,
 * and outlet totals usually vary more like a fixed percentage (variance ∝ μ²); the sandwich holds either way.
 */
import { normalEquations } from './poisson-fit.ts';
import { inverseSpd, quadraticForm, sandwich } from './small-matrix.ts';

export interface Covariance {
  /** p × p row-major, or null when the information matrix is singular. */
  matrix: Float64Array | null;
  /** Pearson dispersion φ = Σ (y − μ)²/μ / (n − p): the variance of a total is φ·μ under the model. */
  dispersion: number;
}

export function covarianceOf(y: Float64Array, mean: Float64Array, jacobian: Float64Array, use: Uint8Array, p: number): Covariance {
  const { info } = normalEquations(y, mean, jacobian, use, p);
  const n = countUsed(use);
  const meat = new Float64Array(p * p);
  const bread = inverseSpd(info, p);
  let pearson = 0;
  for (let j = 0; j < y.length; j++) {
    const mu = mean[j];
    if (!use[j] || !(mu > 0)) continue;
    const row = jacobian.subarray(j * p, (j + 1) * p);
    const leverage = bread ? Math.min(quadraticForm(bread, row, p) / mu, 0.99) : 0;
    const r = (y[j] - mu) / mu / (1 - leverage);
    pearson += ((y[j] - mu) * (y[j] - mu)) / mu;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b] += r * r * row[a] * row[b];
  }
  const matrix = bread ? sandwich(bread, meat, p) : null;
  return { matrix, dispersion: pearson / Math.max(n - p, 1) };
}

export function countUsed(use: Uint8Array): number {
  let n = 0;
  for (const u of use) n += u;
  return n;
}

/** 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over the observations in use. */
export function rSquared(y: ArrayLike<number>, fitted: ArrayLike<number>, use: Uint8Array): number {
  let sum = 0, n = 0;
  for (let j = 0; j < y.length; j++) if (use[j]) { sum += y[j]; n++; }
  const mean = sum / n;
  let residual = 0, total = 0;
  for (let j = 0; j < y.length; j++) {
    if (!use[j]) continue;
    residual += (y[j] - fitted[j]) ** 2;
    total += (y[j] - mean) ** 2;
  }
  return total > 0 ? 1 - residual / total : NaN;
}

/** Mean absolute percentage error, in percent, over the observations in use with y > 0. */
export function mape(y: ArrayLike<number>, fitted: ArrayLike<number>, use: Uint8Array): number {
  let sum = 0, n = 0;
  for (let j = 0; j < y.length; j++) {
    if (!use[j] || !(y[j] > 0)) continue;
    sum += Math.abs(y[j] - fitted[j]) / y[j];
    n++;
  }
  return n > 0 ? (100 * sum) / n : NaN;
}
