/**
 * cannibalisation, areal form (DESIGN §3: overlap of own trade areas): the share of the area's
 * demand that lies inside the trade areas (each outlet type's radius) of two or more own outlets.
 * The site form is part of the Huff model (huff.ts).
 */
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';

/** Own outlets of one type and the radius of their trade area. */
export interface OutletGroup {
  points: Points;
  radius: number;
}

/** For each demand point: how many own outlets' trade areas hold it. */
export async function tradeAreaCounts(kernel: SiteKernel, demand: Points, groups: OutletGroup[], signal?: AbortSignal): Promise<Float64Array> {
  const counts = new Float64Array(demand.lon.length);
  for (const group of groups) {
    if (group.points.lon.length === 0) continue;
    const ones: WeightedPoints = { ...group.points, weight: new Float64Array(group.points.lon.length).fill(1) };
    const inRange = await kernel.sumWithin(demand, ones, group.radius, { kind: 'uniform' }, signal);
    for (let i = 0; i < counts.length; i++) counts[i] += inRange[i];
  }
  return counts;
}

/** Per area: Σ w_i [count_i ≥ 2] / Σ w_i (NaN for an area without demand). */
export function arealOverlap(demandArea: Int32Array, weight: Float64Array, counts: Float64Array, areaCount: number): Float64Array {
  const overlap = new Float64Array(areaCount);
  const total = new Float64Array(areaCount);
  for (let i = 0; i < demandArea.length; i++) {
    const a = demandArea[i];
    if (a < 0) continue;
    total[a] += weight[i];
    if (counts[i] >= 2) overlap[a] += weight[i];
  }
  return overlap.map((o, a) => (total[a] > 0 ? o / total[a] : NaN));
}
