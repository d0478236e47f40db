/**
 * The Huff/MCI model a calibration fits (DESIGN §11). Own outlet j at demand point i has the utility
 *   u_ij = A_j^α · Π_k (x_jk / ḡ_k)^γ_k · f(d_ij),  f = max(d, floor)^−β  or  e^(−d/λ),
 * competitors u_ic = A_c^α · f(d_ic), and the outlet's expected total is
 *   ŷ_j = s · Σ_i w_i · u_ij / Σ_(all outlets k within the cut-off) u_ik.
 * A is the scenario's Huff attractiveness (outlet type × attractiveness column); the attributes x_k
 * are the own outlets' columns divided by their geometric mean ḡ_k, so γ = 0 leaves the scenario's
 * Huff model and competitors (who have no such columns) count as a typical own outlet in them.
 * θ = [log s, α (when fitted), γ_1 … γ_K, β (power) or log λ (exponential)].
 */

export type DecayForm = 'power' | 'exponential';

export interface ModelShape {
  decay: DecayForm;
  /** Fit α; otherwise it stays at `alpha`. */
  fitAlpha: boolean;
  alpha: number;
  /** Own-network attribute columns, one γ each. */
  attributes: string[];
  cutoff: number;
  floor: number;
}

/** Positions of the parameters in θ. */
export interface Layout {
  p: number;
  /** −1 when α is fixed. */
  alpha: number;
  gamma: number;
  decay: number;
}

export function layoutOf(shape: ModelShape): Layout {
  const alpha = shape.fitAlpha ? 1 : -1;
  const gamma = shape.fitAlpha ? 2 : 1;
  const decay = gamma + shape.attributes.length;
  return { p: decay + 1, alpha, gamma, decay };
}

/** Names of θ's entries, as reported. */
export function parameterNames(shape: ModelShape): string[] {
  return ['log_scale', ...(shape.fitAlpha ? ['alpha'] : []), ...shape.attributes.map((a) => `gamma_${a}`), shape.decay === 'power' ? 'beta' : 'log_lambda'];
}

/** The fitted values in the units a planner reads. */
export interface ModelParameters {
  scale: number;
  alpha: number;
  gamma: Record<string, number>;
  beta?: number;
  lambda?: number;
}

export function parametersOf(shape: ModelShape, theta: ArrayLike<number>): ModelParameters {
  const at = layoutOf(shape);
  const gamma: Record<string, number> = {};
  shape.attributes.forEach((name, q) => { gamma[name] = theta[at.gamma + q]; });
  const decay = theta[at.decay];
  return {
    scale: Math.exp(theta[0]),
    alpha: at.alpha >= 0 ? theta[at.alpha] : shape.alpha,
    gamma,
    ...(shape.decay === 'power' ? { beta: decay } : { lambda: Math.exp(decay) }),
  };
}

/** α of θ (the fixed value when α is not fitted). */
export function alphaOf(shape: ModelShape, theta: ArrayLike<number>): number {
  const at = layoutOf(shape);
  return at.alpha >= 0 ? theta[at.alpha] : shape.alpha;
}

/** The coefficient c of the distance term in log u = … − c·D, and ∂(log u)/∂θ_decay = factor · D. */
export function decayCoefficient(shape: ModelShape, theta: ArrayLike<number>): { coefficient: number; factor: number } {
  const value = theta[layoutOf(shape).decay];
  if (shape.decay === 'power') return { coefficient: value, factor: -1 };
  const inverseLambda = Math.exp(-value);
  return { coefficient: inverseLambda, factor: inverseLambda };
}

/** log A^α·Π(x/ḡ)^γ of each own outlet; `z` is m × K of log(x_jk/ḡ_k). */
export function ownBase(shape: ModelShape, theta: ArrayLike<number>, logA: Float64Array, z: Float64Array): Float64Array {
  const at = layoutOf(shape);
  const k = shape.attributes.length;
  const alpha = alphaOf(shape, theta);
  return logA.map((a, j) => {
    let sum = alpha * a;
    for (let q = 0; q < k; q++) sum += theta[at.gamma + q] * z[j * k + q];
    return sum;
  });
}
