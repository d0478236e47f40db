/** Polygon measures the areal forms divide by: area in km² and residents. */
import { area } from '@turf/area';
import type { PolygonLayer } from '../data/layer.ts';
import { sumByArea } from './demand.ts';

export function areaKm2(polygons: PolygonLayer): Float64Array {
  return Float64Array.from(polygons.geometries, (g) => area(g) / 1e6);
}

/**
 * Residents per polygon: its own `population` column where given (finite, ≥ 0), else the demand
 * weight of the demand points inside it.
 */
export function areaPopulation(polygons: PolygonLayer, demandArea: Int32Array, demandWeight: Float64Array): Float64Array {
  const fromDemand = sumByArea(demandArea, demandWeight, polygons.ids.length);
  const own = polygons.numeric.population;
  if (!own) return fromDemand;
  return fromDemand.map((d, a) => (Number.isFinite(own[a]) && own[a] >= 0 ? own[a] : d));
}
