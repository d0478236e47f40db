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

/** One demand point's utilities: u of its own pairs (from its first pair), s = Σ u over all outlets, and Σ u·(log A, D, z). */
export interface PointSums {
  u: Float64Array;
  s: number;
  gA: number;
  gD: number;
  gG: Float64Array;
}

/** Scratch for pointUtilities, wide enough for the demand point with the most own pairs. */
export function pointSums(data: HuffData, attributes: number): PointSums {
  let widest = 0;
  const { start } = data.own;
  for (let k = 0; k + 1 < start.length; k++) widest = Math.max(widest, start[k + 1] - start[k]);
  return { u: new Float64Array(widest), s: 0, gA: 0, gD: 0, gG: new Float64Array(attributes) };
}

/** Fills `sums` for sorted demand point k; `base`/`rivalBase` are log A^α·Π(x/ḡ)^γ of own outlets and competitors. */
export function pointUtilities(data: HuffData, k: number, base: Float64Array, rivalBase: Float64Array, coefficient: number, withGradient: boolean, sums: PointSums): void {
  const { own, competitors, ownLogA, competitorLogA, ownZ } = data;
  const { u, gG } = sums;
  const K = gG.length;
  const from = own.start[k], to = own.start[k + 1];
  let s = 0, gA = 0, gD = 0;
  gG.fill(0);
  for (let t = from; t < to; t++) {
    const j = own.outlet[t], d = own.term[t];
    const v = Math.exp(base[j] - coefficient * d);
    u[t - from] = v;
    s += v;
    if (withGradient) {
      gA += v * ownLogA[j];
      gD += v * d;
      for (let q = 0; q < K; q++) gG[q] += v * ownZ[j * K + q];
    }
  }
  for (let t = competitors.start[k]; t < competitors.start[k + 1]; t++) {
    const c = competitors.outlet[t], d = competitors.term[t];
    const v = Math.exp(rivalBase[c] - coefficient * d);
    s += v;
    if (withGradient) { gA += v * competitorLogA[c]; gD += v * d; }
  }
  sums.s = s;
  sums.gA = gA;
  sums.gD = gD;
}

/** Walks the demand points that have own pairs and weight, filling `sums` for each before `visit(from, to, w)`. */
export function visitPoints(data: HuffData, setup: ReturnType<typeof passSetup>, withGradient: boolean, visit: (from: number, to: number, w: number) => void): void {
  const { start } = data.own;
  for (let k = 0; k + 1 < start.length; k++) {
    const from = start[k], to = start[k + 1], w = data.weight[k];
    if (from === to || !(w > 0)) continue;
    pointUtilities(data, k, setup.base, setup.rivalBase, setup.coefficient, withGradient, setup.sums);
    if (setup.sums.s > 0) visit(from, to, w);
  }
}

/** What every pass derives from θ before it walks the demand points. */
export function passSetup(shape: ModelShape, data: HuffData, theta: Float64Array) {
  const at = layoutOf(shape);
  const K = shape.attributes.length;
  const alpha = alphaOf(shape, theta);
  return {
    at,
    K,
    base: ownBase(shape, theta, data.ownLogA, data.ownZ),
    rivalBase: data.competitorLogA.map((a) => alpha * a),
    ...decayCoefficient(shape, theta),
    sums: pointSums(data, K),
  };
}

export function evaluateHuff(shape: ModelShape, data: HuffData, theta: Float64Array, withJacobian: boolean): Evaluation {
  const setup = passSetup(shape, data, theta);
  const { at, K, factor, sums } = setup;
  const { p } = at;
  const m = data.ownLogA.length;
  const { own, ownLogA, ownZ } = data;
  const mean = new Float64Array(m);
  const jacobian = new Float64Array(withJacobian ? m * p : 0);
  const { u, gG } = sums;
  visitPoints(data, setup, withJacobian, (from, to, w) => {
    const { s, gA, gD } = sums;
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
  });
  const scale = Math.exp(theta[0]);
  for (let j = 0; j < m; j++) {
    mean[j] *= scale;
    if (!withJacobian) continue;
    for (let q = 1; q < p; q++) jacobian[j * p + q] *= scale;
    jacobian[j * p] = mean[j];
  }
  return { mean, jacobian };
}
