/**
 * coverage_gap (DESIGN §3): blind spots. A demand point is uncovered when it lies beyond D of every
 * own outlet (D per outlet type). Site form: uncovered demand within R of the site. Areal form: the
 * uncovered share of the area's demand.
 */
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';
import type { OutletGroup } from './cannibalisation.ts';

/** 1 where the demand point is beyond every group's radius of each of its outlets, else 0. */
export async function uncoveredMask(kernel: SiteKernel, demand: Points, groups: OutletGroup[], signal?: AbortSignal): Promise<Uint8Array> {
  const uncovered = new Uint8Array(demand.lon.length).fill(1);
  for (const group of groups) {
    if (group.points.lon.length === 0) continue;
    const nearest = await kernel.nearest(demand, group.points, signal);
    for (let i = 0; i < uncovered.length; i++) if (nearest[i] <= group.radius) uncovered[i] = 0;
  }
  return uncovered;
}

export async function siteCoverageGap(kernel: SiteKernel, sites: Points, demand: WeightedPoints, groups: OutletGroup[], params: { radius: number }, signal?: AbortSignal): Promise<Float64Array> {
  const uncovered = await uncoveredMask(kernel, demand, groups, signal);
  const weight = demand.weight.map((w, i) => (uncovered[i] ? w : 0));
  return kernel.sumWithin(sites, { lon: demand.lon, lat: demand.lat, weight }, params.radius, { kind: 'uniform' }, signal);
}

export function arealCoverageGap(demandArea: Int32Array, weight: Float64Array, uncovered: Uint8Array, areaCount: number): Float64Array {
  const gap = new Float64Array(areaCount);
  const total = new Float64Array(areaCount);
  for (let i = 0; i < demandArea.length; i++) {
    const a = demandArea[i];
    if (a < 0) continue;
    total[a] += weight[i];
    if (uncovered[i]) gap[a] += weight[i];
  }
  return gap.map((g, a) => (total[a] > 0 ? g / total[a] : NaN));
}
