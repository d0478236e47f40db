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

/**
 * For flows: pairs of one outlet share that outlet's luck (staff, visibility), so they are not
 * independent observations; the outlets are. The sandwich with the meat summed by outlet,
 * M = Σ_c s_c s_cᵀ, s_c = Σ_(t in c) (y_t − μ_t) J_t/μ_t, times G/(G − 1), holds then; but with a few
 * dozen outlets it is itself noisy (on Poisson flows it came out 0.7–1.2× the true spread of α̂), so
 * the quasi-likelihood's φB⁻¹ is used unless the clustered one is wider on average.
 */
export function clusteredCovariance(y: Float64Array, mean: Float64Array, jacobian: Float64Array, use: Uint8Array, cluster: Int32Array, clusters: number, p: number): Covariance {
  const { info } = normalEquations(y, mean, jacobian, use, p);
  const bread = inverseSpd(info, p);
  const scores = new Float64Array(clusters * p);
  const seen = new Uint8Array(clusters);
  let pearson = 0, n = 0;
  for (let t = 0; t < y.length; t++) {
    const mu = mean[t];
    if (!use[t] || !(mu > 0)) continue;
    const c = cluster[t], r = (y[t] - mu) / mu;
    seen[c] = 1;
    pearson += ((y[t] - mu) * (y[t] - mu)) / mu;
    n++;
    for (let a = 0; a < p; a++) scores[c * p + a] += r * jacobian[t * p + a];
  }
  const groups = countUsed(seen);
  const meat = new Float64Array(p * p);
  for (let c = 0; c < clusters; c++) {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b] += scores[c * p + a] * scores[c * p + b];
  }
  const correction = groups / Math.max(groups - 1, 1);
  const dispersion = pearson / Math.max(n - p, 1);
  if (!bread) return { matrix: null, dispersion };
  const clustered = sandwich(bread, meat, p).map((v) => v * correction);
  const modelBased = bread.map((v) => v * dispersion);
  let ratio = 0;
  for (let a = 0; a < p; a++) ratio += clustered[a * p + a] / modelBased[a * p + a] / p;
  return { matrix: ratio > 1 ? clustered : modelBased, dispersion };
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
