/**
 * competition (DESIGN §3). Site form: competitors within R (optionally by brand, weighted by
 * attractiveness, with decay) and the distance to the nearest one. Areal form: competitors per
 * 10 000 residents.
 */
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';
import { sumByArea, type RadiusParams } from './demand.ts';

export async function siteCompetition(kernel: SiteKernel, sites: Points, competitors: WeightedPoints, params: RadiusParams, signal?: AbortSignal): Promise<{ count: Float64Array; nearest: Float64Array }> {
  const count = await kernel.sumWithin(sites, competitors, params.radius, params.decay, signal);
  const nearest = await kernel.nearest(sites, competitors, signal);
  return { count, nearest };
}

/** Σ competitor weight per 10 000 residents; an area with no residents → NaN. */
export function arealCompetition(competitorArea: Int32Array, weight: Float64Array, population: Float64Array): Float64Array {
  const count = sumByArea(competitorArea, weight, population.length);
  return count.map((c, a) => (population[a] > 0 ? (c * 10_000) / population[a] : NaN));
}
