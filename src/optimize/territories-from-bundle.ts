/**
 * The bundle door of territories: demand (weight = population) × the own network, great-circle
 * metres, then the territories and, when asked, their polygons cut to the study area (districts,
 * else regions). One path for `siteselect territories` and the workbench's territory layer.
 */
import { BundleError } from '../errors.ts';
import type { LoadedBundle } from '../data/layer.ts';
import { allPairs } from './pairs-within-radius.ts';
import type { FacilityCosts } from './problem.ts';
import { territories, type TerritoryOptions, type TerritoryResult } from './territories.ts';
import { territoryPolygons } from './territory-polygons.ts';

export function territoriesFromBundle(bundle: LoadedBundle, o: TerritoryOptions): TerritoryResult {
  const demand = bundle.demand;
  const network = bundle.network;
  if (!demand || demand.ids.length === 0) throw new BundleError(bundle.name, `bundle '${bundle.name}' has no demand points; add a demand layer to its manifest`);
  if (!network || network.ids.length === 0) throw new BundleError(bundle.name, `bundle '${bundle.name}' has no own outlets; add a network layer to its manifest`);
  const pairs = allPairs(demand, network);
  const pop = demand.numeric.population ?? demand.numeric.weight;
  const costs: FacilityCosts = {
    n: demand.ids.length,
    m: network.ids.length,
    start: pairs.start,
    demand: pairs.demand,
    cost: pairs.cost,
    weights: Float64Array.from(demand.ids, (_, i) => (pop ? (Number.isFinite(pop[i]) && pop[i] > 0 ? pop[i] : 0) : 1)),
    demandIds: demand.ids,
    facilityIds: network.ids,
  };
  return territories(costs, o);
}

/** The territories' polygons, cut to the bundle's districts (else regions, else the demand's box). */
export function bundleTerritoryPolygons(bundle: LoadedBundle, result: TerritoryResult) {
  const study = bundle.districts ?? bundle.regions;
  return territoryPolygons(bundle.demand!, result, undefined, study?.geometries);
}
