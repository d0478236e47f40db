/**
 * The market as the calibrated model sees it before a new site opens: on every demand point the
 * total utility S_i of the outlets that reach it, the utility-weighted mean Ḡ_i of ∂log u/∂θ (for a
 * forecast's delta-method interval), and for every own pair the share P_ij = u_ij/S_i (for transfers).
 */
import type { HuffData } from './huff-pass.ts';
import { alphaOf, decayCoefficient, layoutOf, ownBase, type ModelShape } from './model.ts';

export interface MarketState {
  total: Float64Array;
  /** n × p: Ḡ_i per parameter (entry 0, log s, unused). */
  meanGradient: Float64Array;
  /** Per own pair (HuffData.own order): P_ij before the new site. */
  ownShare: Float64Array;
  /** Per demand point: the own network's share Σ_own P_ij. */
  ownTotal: Float64Array;
}

export function marketState(shape: ModelShape, data: HuffData, theta: Float64Array): MarketState {
  const at = layoutOf(shape);
  const { p } = at;
  const K = shape.attributes.length;
  const { own, competitors, ownLogA, competitorLogA, ownZ } = data;
  const n = own.start.length - 1;
  const base = ownBase(shape, theta, ownLogA, ownZ);
  const alpha = alphaOf(shape, theta);
  const { coefficient, factor } = decayCoefficient(shape, theta);
  const total = new Float64Array(n);
  const meanGradient = new Float64Array(n * p);
  const ownShare = new Float64Array(own.outlet.length);
  const ownTotal = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    const g = k * p;
    for (let t = own.start[k]; t < own.start[k + 1]; t++) {
      const j = own.outlet[t], d = own.term[t];
      const u = Math.exp(base[j] - coefficient * d);
      ownShare[t] = u;
      s += u;
      if (at.alpha >= 0) meanGradient[g + at.alpha] += u * ownLogA[j];
      for (let q = 0; q < K; q++) meanGradient[g + at.gamma + q] += u * ownZ[j * K + q];
      meanGradient[g + at.decay] += u * factor * d;
    }
    for (let t = competitors.start[k]; t < competitors.start[k + 1]; t++) {
      const c = competitors.outlet[t], d = competitors.term[t];
      const u = Math.exp(alpha * competitorLogA[c] - coefficient * d);
      s += u;
      if (at.alpha >= 0) meanGradient[g + at.alpha] += u * competitorLogA[c];
      meanGradient[g + at.decay] += u * factor * d;
    }
    total[k] = s;
    if (!(s > 0)) continue;
    for (let q = 1; q < p; q++) meanGradient[g + q] /= s;
    for (let t = own.start[k]; t < own.start[k + 1]; t++) {
      ownShare[t] /= s;
      ownTotal[k] += ownShare[t];
    }
  }
  return { total, meanGradient, ownShare, ownTotal };
}
