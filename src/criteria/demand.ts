/**
 * demand (DESIGN §3). Site form: Σ weight · f(d) over demand points within R. Areal form: the
 * demand inside the polygon, as a total and per km².
 */
import type { Decay, Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';

export interface RadiusParams {
  radius: number;
  decay: Decay;
}

export function siteDemand(kernel: SiteKernel, sites: Points, demand: WeightedPoints, params: RadiusParams, signal?: AbortSignal): Promise<Float64Array> {
  return kernel.sumWithin(sites, demand, params.radius, params.decay, signal);
}

/** Σ weight of the points in each area (`pointArea[i]` = area index or -1). */
export function sumByArea(pointArea: Int32Array, weight: Float64Array, areaCount: number): Float64Array {
  const total = new Float64Array(areaCount);
  for (let i = 0; i < pointArea.length; i++) {
    const a = pointArea[i];
    if (a >= 0) total[a] += weight[i];
  }
  return total;
}

/** Per area: value / km² (NaN for an area of no extent). */
export function perKm2(values: Float64Array, areaKm2: Float64Array): Float64Array {
  return values.map((v, a) => (areaKm2[a] > 0 ? v / areaKm2[a] : NaN));
}

export function arealDemand(pointArea: Int32Array, weight: Float64Array, areaKm2: Float64Array): { total: Float64Array; density: Float64Array } {
  const total = sumByArea(pointArea, weight, areaKm2.length);
  return { total, density: perKm2(total, areaKm2) };
}
