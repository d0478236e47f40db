/**
 * How concentrated the competing peers are (DESIGN §1: "how concentrated the peers are"): the
 * Herfindahl–Hirschman index of brand shares, Σ_b s_b² (1 = one brand holds everything, 1/B = B
 * brands share equally, 0 = no competitor). Site form: competitors within R (optionally decayed and
 * weighted); areal form: competitors inside the polygon.
 */
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';
import type { RadiusParams } from './demand.ts';
import { key } from './points.ts';

/** Competitors grouped by brand (case and spaces ignored). */
export function byBrand(points: WeightedPoints, brand: readonly string[]): WeightedPoints[] {
  const groups = new Map<string, number[]>();
  brand.forEach((b, i) => {
    const list = groups.get(key(b)) ?? [];
    list.push(i);
    groups.set(key(b), list);
  });
  return [...groups.values()].map((index) => ({
    lon: Float64Array.from(index, (i) => points.lon[i]),
    lat: Float64Array.from(index, (i) => points.lat[i]),
    weight: Float64Array.from(index, (i) => points.weight[i]),
  }));
}

export async function siteConcentration(kernel: SiteKernel, sites: Points, brands: WeightedPoints[], params: RadiusParams, signal?: AbortSignal): Promise<Float64Array> {
  const n = sites.lon.length;
  const total = new Float64Array(n);
  const squares = new Float64Array(n);
  for (const group of brands) {
    const count = await kernel.sumWithin(sites, group, params.radius, params.decay, signal);
    for (let i = 0; i < n; i++) {
      total[i] += count[i];
      squares[i] += count[i] * count[i];
    }
  }
  return squares.map((sq, i) => (total[i] > 0 ? sq / (total[i] * total[i]) : 0));
}

/** `pointArea[i]`: the area of competitor i (-1 none); `brand[i]` and `weight[i]` likewise. */
export function arealConcentration(pointArea: Int32Array, brand: readonly string[], weight: Float64Array, areaCount: number): Float64Array {
  const perArea = Array.from({ length: areaCount }, () => new Map<string, number>());
  for (let i = 0; i < pointArea.length; i++) {
    const a = pointArea[i];
    if (a < 0) continue;
    const b = key(brand[i] ?? '');
    perArea[a].set(b, (perArea[a].get(b) ?? 0) + weight[i]);
  }
  return Float64Array.from(perArea, (shares) => {
    let total = 0;
    let squares = 0;
    for (const c of shares.values()) {
      total += c;
      squares += c * c;
    }
    return total > 0 ? squares / (total * total) : 0;
  });
}
