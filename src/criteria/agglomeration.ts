/**
 * agglomeration (DESIGN §3): the pull of clustered services. Site form: POIs of the chosen
 * categories within R, each weighted by its category weight (times its own weight column). Areal
 * form: the same weighted POIs per km².
 */
import type { PointLayer } from '../data/layer.ts';
import type { Points, SiteKernel, WeightedPoints } from '../kernel/types.ts';
import { perKm2, sumByArea, type RadiusParams } from './demand.ts';
import { columnOr, key, selectPoints, subset } from './points.ts';

export interface PoiChoice {
  categories?: string[];
  categoryWeights?: Record<string, number>;
}

/** The chosen POIs with weight = category weight × own weight (missing → 1); `index` into the layer. */
export function weightedPois(pois: PointLayer, choice: PoiChoice): { points: WeightedPoints; index: Int32Array } {
  const index = selectPoints(pois, [{ column: 'category', include: choice.categories }]);
  const own = columnOr(pois, 'weight', 1);
  const categoryWeight = new Map(Object.entries(choice.categoryWeights ?? {}).map(([k, w]) => [key(k), w]));
  const category = pois.text.category ?? [];
  const weight = own.map((w, i) => w * (categoryWeight.get(key(category[i] ?? '')) ?? 1));
  return { points: subset(pois, index, weight), index };
}

export function siteAgglomeration(kernel: SiteKernel, sites: Points, pois: WeightedPoints, params: RadiusParams, signal?: AbortSignal): Promise<Float64Array> {
  return kernel.sumWithin(sites, pois, params.radius, params.decay, signal);
}

export function arealAgglomeration(poiArea: Int32Array, weight: Float64Array, areaKm2: Float64Array): Float64Array {
  return perKm2(sumByArea(poiArea, weight, areaKm2.length), areaKm2);
}
