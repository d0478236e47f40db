/**
 * One pass of the calibration over the demand–outlet pairs: every own outlet's expected total ŷ_j
 * and, when asked, its derivatives ∂ŷ_j/∂θ. With g = ∂log u/∂θ and P_ij = u_ij/S_i,
 *   ∂ŷ_j/∂θ = s Σ_i w_i P_ij (g_ij − Σ_k P_ik g_ik),   ∂ŷ_j/∂log s = ŷ_j.
 */
import { decayCoefficient, layoutOf, ownBase, alphaOf, type ModelShape } from './model.ts';
import type { OutletPairs } from './outlet-pairs.ts';

/** Everything the passes read, in the demand grid's sorted order. */
export interface HuffData {
  weight: Float64Array;
  own: OutletPairs;
  competitors: OutletPairs;
  /** log A of each own outlet and competitor (the scenario's attractiveness). */
  ownLogA: Float64Array;
  competitorLogA: Float64Array;
  /** m × K: log(x_jk / ḡ_k). */
  ownZ: Float64Array;
}

export interface Evaluation {
  mean: Float64Array;
  /** m × p, row-major; empty when not asked for. */
  jacobian: Float64Array;
}

export function evaluateHuff(shape: ModelShape, data: HuffData, theta: Float64Array, withJacobian: boolean): Evaluation {
  const at = layoutOf(shape);
  const { p } = at;
  const K = shape.attributes.length;
  const m = data.ownLogA.length;
  const { own, competitors, weight, ownLogA, competitorLogA, ownZ } = data;
  const base = ownBase(shape, theta, ownLogA, ownZ);
  const alpha = alphaOf(shape, theta);
  const rivalBase = competitorLogA.map((a) => alpha * a);
  const { coefficient, factor } = decayCoefficient(shape, theta);
  const mean = new Float64Array(m);
  const jacobian = new Float64Array(withJacobian ? m * p : 0);
  const gG = new Float64Array(K);
  let widest = 0;
  for (let k = 0; k + 1 < own.start.length; k++) widest = Math.max(widest, own.start[k + 1] - own.start[k]);
  const u = new Float64Array(widest);
  for (let k = 0; k + 1 < own.start.length; k++) {
    const from = own.start[k], to = own.start[k + 1];
    const w = weight[k];
    if (from === to || !(w > 0)) continue;
    let s = 0, gA = 0, gD = 0;
    gG.fill(0);
    for (let t = from; t < to; t++) {
      const j = own.outlet[t], d = own.term[t];
      const v = Math.exp(base[j] - coefficient * d);
      u[t - from] = v;
      s += v;
      if (withJacobian) {
        gA += v * ownLogA[j];
        gD += v * d;
        for (let q = 0; q < K; q++) gG[q] += v * ownZ[j * K + q];
      }
    }
    for (let t = competitors.start[k]; t < competitors.start[k + 1]; t++) {
      const c = competitors.outlet[t], d = competitors.term[t];
      const v = Math.exp(rivalBase[c] - coefficient * d);
      s += v;
      if (withJacobian) { gA += v * competitorLogA[c]; gD += v * d; }
    }
    if (!(s > 0)) continue;
    const share = w / s;
    for (let t = from; t < to; t++) {
      const j = own.outlet[t];
      const pw = u[t - from] * share;
      mean[j] += pw;
      if (!withJacobian) continue;
      const row = j * p;
      if (at.alpha >= 0) jacobian[row + at.alpha] += pw * (ownLogA[j] - gA / s);
      for (let q = 0; q < K; q++) jacobian[row + at.gamma + q] += pw * (ownZ[j * K + q] - gG[q] / s);
      jacobian[row + at.decay] += pw * factor * (own.term[t] - gD / s);
    }
  }
  const scale = Math.exp(theta[0]);
  for (let j = 0; j < m; j++) {
    mean[j] *= scale;
    if (!withJacobian) continue;
    for (let q = 1; q < p; q++) jacobian[j * p + q] *= scale;
    jacobian[j * p] = mean[j];
  }
  return { mean, jacobian };
}
