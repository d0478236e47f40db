/**
 * Levenberg–Marquardt for a Poisson quasi-likelihood: minimise the deviance
 *   D(θ) = 2 Σ_j [ y_j log(y_j/μ_j) − (y_j − μ_j) ]
 * over the observations in use. Why Poisson quasi-likelihood rather than least squares on totals:
 * its estimating equations Σ (y − μ)/μ · ∂μ/∂θ = 0 are unbiased whatever the true variance, a large
 * outlet weighs more than a small one but not quadratically more (least squares lets the three
 * largest branches decide the fit), an outlet with y = 0 is allowed (logs of y are not needed), and
 * the fit is scale-equivariant: sales in yuan or in millions give the same α, β, γ.
 * The Gauss–Newton matrix JᵀWJ (W = 1/μ) is the Fisher information up to the dispersion.
 */
import { cholesky, choleskySolve } from './small-matrix.ts';

export interface MeanModel {
  (theta: Float64Array, withJacobian: boolean): { mean: Float64Array; jacobian: Float64Array };
}

export interface PoissonFit {
  theta: Float64Array;
  mean: Float64Array;
  jacobian: Float64Array;
  deviance: number;
  iterations: number;
  converged: boolean;
  /** Why it did not converge. */
  why?: string;
}

export function deviance(y: Float64Array, mean: Float64Array, use: Uint8Array): number {
  let sum = 0;
  for (let j = 0; j < y.length; j++) {
    if (!use[j]) continue;
    const mu = mean[j];
    if (!(mu > 0)) return y[j] > 0 ? Infinity : sum;
    sum += 2 * ((y[j] > 0 ? y[j] * Math.log(y[j] / mu) : 0) - (y[j] - mu));
  }
  return sum;
}

/** JᵀWJ and JᵀW(y − μ) over the observations in use. */
export function normalEquations(y: Float64Array, mean: Float64Array, jacobian: Float64Array, use: Uint8Array, p: number): { info: Float64Array; score: Float64Array } {
  const info = new Float64Array(p * p);
  const score = new Float64Array(p);
  for (let j = 0; j < y.length; j++) {
    const mu = mean[j];
    if (!use[j] || !(mu > 0)) continue;
    const row = j * p;
    for (let a = 0; a < p; a++) {
      const ja = jacobian[row + a] / mu;
      score[a] += ja * (y[j] - mu);
      for (let b = 0; b <= a; b++) info[a * p + b] += ja * jacobian[row + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) info[b * p + a] = info[a * p + b];
  return { info, score };
}

export function fitPoisson(model: MeanModel, y: Float64Array, use: Uint8Array, start: Float64Array, options: { maxIterations?: number; signal?: AbortSignal } = {}): PoissonFit {
  const p = start.length;
  const maxIterations = options.maxIterations ?? 100;
  let theta: Float64Array = Float64Array.from(start);
  let current = model(theta, true);
  let dev = deviance(y, current.mean, use);
  if (!Number.isFinite(dev)) return { theta, ...current, deviance: dev, iterations: 0, converged: false, why: 'the starting model predicts nothing for an outlet with observed sales (no demand within the cut-off of it?)' };
  let damping = 1e-3;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    options.signal?.throwIfAborted();
    const { info, score } = normalEquations(y, current.mean, current.jacobian, use, p);
    let accepted = false;
    let step: Float64Array = new Float64Array(p);
    for (let attempt = 0; attempt < 30 && !accepted; attempt++) {
      const damped = Float64Array.from(info);
      for (let a = 0; a < p; a++) damped[a * p + a] += damping * Math.max(info[a * p + a], 1e-12);
      const factor = cholesky(damped, p);
      if (!factor) { damping *= 10; continue; }
      step = choleskySolve(factor, p, score);
      const trial = theta.map((t, a) => t + step[a]);
      // With derivatives: most trials are accepted, and then the next iteration needs them (one pass, not two).
      const next = model(trial, true);
      const trialDev = deviance(y, next.mean, use);
      if (trialDev <= dev) {
        theta = trial;
        const relative = (dev - trialDev) / Math.max(dev, 1e-300);
        dev = trialDev;
        current = next;
        damping = Math.max(damping / 5, 1e-12);
        accepted = true;
        const small = step.every((s, a) => Math.abs(s) <= 1e-8 * (1 + Math.abs(theta[a])));
        if (small || relative < 1e-14) return { theta, ...current, deviance: dev, iterations: iteration, converged: true };
      } else damping *= 8;
    }
    if (!accepted) {
      // No step lowers the deviance: at a minimum when the gradient is negligible.
      const decrement = step.reduce((sum, s, a) => sum + s * score[a], 0);
      if (decrement <= 1e-9 * Math.max(dev, 1e-300) || decrement < 1e-12) return { theta, ...current, deviance: dev, iterations: iteration, converged: true };
      return { theta, ...current, deviance: dev, iterations: iteration, converged: false, why: `no step lowers the deviance ${dev.toPrecision(6)} although its gradient is not zero (the model is nearly flat in some direction: are two attributes almost collinear?)` };
    }
  }
  return { theta, ...current, deviance: dev, iterations: maxIterations, converged: false, why: `still improving after ${maxIterations} iterations (deviance ${dev.toPrecision(6)}); the parameters drift (${Array.from(theta, (t) => t.toPrecision(4)).join(', ')}) — the data may not pin them down` };
}
