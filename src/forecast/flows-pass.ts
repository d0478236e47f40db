/**
 * One pass of the origin-level (flows) calibration: the expected customers of every own pair
 * (demand point i, own outlet j within the cut-off), μ_ij = s · w_i · P_ij, and, when asked,
 * ∂μ_ij/∂θ = μ_ij · (∂log u_ij/∂θ − Σ_k P_ik ∂log u_ik/∂θ), ∂μ_ij/∂log s = μ_ij.
 * Observations are the own pairs in the order of HuffData.own (see outlet-pairs.ts).
 */
import { passSetup, visitPoints, type Evaluation, type HuffData } from './huff-pass.ts';
import type { ModelShape } from './model.ts';

export function evaluateFlows(shape: ModelShape, data: HuffData, theta: Float64Array, withJacobian: boolean): Evaluation {
  const setup = passSetup(shape, data, theta);
  const { at, K, factor, sums } = setup;
  const { p } = at;
  const { own, ownLogA, ownZ } = data;
  const scale = Math.exp(theta[0]);
  const pairs = own.outlet.length;
  const mean = new Float64Array(pairs);
  const jacobian = new Float64Array(withJacobian ? pairs * p : 0);
  const { u, gG } = sums;
  visitPoints(data, setup, withJacobian, (from, to, w) => {
    const { s, gA, gD } = sums;
    const share = (scale * w) / s;
    for (let t = from; t < to; t++) {
      const mu = (mean[t] = u[t - from] * share);
      if (!withJacobian) continue;
      const j = own.outlet[t], row = t * p;
      jacobian[row] = mu;
      if (at.alpha >= 0) jacobian[row + at.alpha] = mu * (ownLogA[j] - gA / s);
      for (let q = 0; q < K; q++) jacobian[row + at.gamma + q] = mu * (ownZ[j * K + q] - gG[q] / s);
      jacobian[row + at.decay] = mu * factor * (own.term[t] - gD / s);
    }
  });
  return { mean, jacobian };
}
