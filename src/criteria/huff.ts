/**
 * huff_share and cannibalisation (DESIGN §3): the Huff model over the own network, competitors and
 * the candidate. P_ij = A_j^α · d_ij^−β / Σ_k A_k^α · d_ik^−β over outlets within the cut-off,
 * distances floored. Capture of the candidate c = Σ_i w_i P_ic; cannibalisation(c) = own-network
 * capture without c − own-network capture with c; net gain = capture − cannibalisation.
 */
import type { HuffParams, SiteKernel, WeightedPoints } from '../kernel/types.ts';

export interface HuffModel extends HuffParams {
  /** Attractiveness exponent α. */
  alpha: number;
}

export interface SiteHuffResult {
  capture: Float64Array;
  cannibalisation: Float64Array;
  netGain: Float64Array;
}

/** Outlet weights A_j become the kernel's a_j = A_j^α. */
export function withAlpha(points: WeightedPoints, alpha: number): WeightedPoints {
  return { lon: points.lon, lat: points.lat, weight: points.weight.map((a) => a ** alpha) };
}

/** Own and competitor pressure on each demand point (own O_i, total S_i = O_i + competitors). */
export async function huffPressures(kernel: SiteKernel, demand: WeightedPoints, own: WeightedPoints, competitors: WeightedPoints, model: HuffModel, signal?: AbortSignal): Promise<{ own: Float64Array; total: Float64Array }> {
  const ownPressure = await kernel.huffPressure(demand, withAlpha(own, model.alpha), model, signal);
  const rival = await kernel.huffPressure(demand, withAlpha(competitors, model.alpha), model, signal);
  const total = ownPressure.map((o, i) => o + rival[i]);
  return { own: ownPressure, total };
}

/** `sites.weight` holds each candidate's attractiveness A_c; the others' weights likewise. */
export async function siteHuff(
  kernel: SiteKernel,
  sites: WeightedPoints,
  demand: WeightedPoints,
  own: WeightedPoints,
  competitors: WeightedPoints,
  model: HuffModel,
  signal?: AbortSignal,
): Promise<SiteHuffResult> {
  const pressure = await huffPressures(kernel, demand, own, competitors, model, signal);
  return siteHuffWithPressure(kernel, sites, demand, pressure, model, signal);
}

/** siteHuff with the demand points' pressures already computed (shared across levels and site sets). */
export async function siteHuffWithPressure(
  kernel: SiteKernel,
  sites: WeightedPoints,
  demand: WeightedPoints,
  pressure: { own: Float64Array; total: Float64Array },
  model: HuffModel,
  signal?: AbortSignal,
): Promise<SiteHuffResult> {
  const { capture, cannibalisation } = await kernel.huffCandidates(withAlpha(sites, model.alpha), demand, pressure.total, pressure.own, model, signal);
  const netGain = capture.map((c, i) => c - cannibalisation[i]);
  return { capture, cannibalisation, netGain };
}

/**
 * Areal huff_share: the share of the area's demand the own network captures today,
 * Σ_{i∈a} w_i O_i/S_i / Σ_{i∈a} w_i (demand out of every outlet's reach is captured by no one).
 */
export function arealHuffShare(demandArea: Int32Array, weight: Float64Array, ownPressure: Float64Array, totalPressure: Float64Array, areaCount: number): Float64Array {
  const captured = new Float64Array(areaCount);
  const total = new Float64Array(areaCount);
  for (let i = 0; i < demandArea.length; i++) {
    const a = demandArea[i];
    if (a < 0) continue;
    total[a] += weight[i];
    if (totalPressure[i] > 0) captured[a] += (weight[i] * ownPressure[i]) / totalPressure[i];
  }
  return captured.map((c, a) => (total[a] > 0 ? c / total[a] : NaN));
}
