/**
 * The links the funnel walks: which region each district belongs to, and which district and region
 * each point of every point layer falls in. Computed once per bundle by point-in-polygon.
 */
import { assignPointsToPolygons } from '../geo/containment.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import type { LayerName, LoadedBundle, PointLayer, PolygonLayer } from './layer.ts';

export interface BundleLinks {
  /** Per district: index into bundle.regions, -1 when none (or no regions layer). */
  districtRegion: Int32Array;
  /** Per point layer present (gazetteer excluded): index into bundle.districts per point, -1 outside all. */
  pointDistrict: Partial<Record<LayerName, Int32Array>>;
  /** Per point layer present (gazetteer excluded): index into bundle.regions per point, -1 outside all. */
  pointRegion: Partial<Record<LayerName, Int32Array>>;
}

/** Point layers that take part in scoring; the gazetteer is only an address book. */
const LINKED_POINT_LAYERS = ['demand', 'competitors', 'network', 'pois', 'transit', 'candidates'] as const;

export function linkBundle(bundle: LoadedBundle): BundleLinks {
  const { regions, districts } = bundle;
  const districtRegion = districts ? linkDistrictsToRegions(districts, regions) : new Int32Array(0);
  const pointDistrict: BundleLinks['pointDistrict'] = {};
  const pointRegion: BundleLinks['pointRegion'] = {};
  for (const name of LINKED_POINT_LAYERS) {
    const layer = bundle[name];
    if (!layer) continue;
    const inDistrict = districts ? assignPointsToPolygons(layer.lon, layer.lat, districts.geometries) : new Int32Array(layer.ids.length).fill(-1);
    pointDistrict[name] = inDistrict;
    pointRegion[name] = regionOfPoints(layer, inDistrict, districtRegion, regions);
  }
  return { districtRegion, pointDistrict, pointRegion };
}

/**
 * A district's region: its `text.region` matched against region ids (then names) when given;
 * otherwise the region holding an interior point of the district.
 */
export function linkDistrictsToRegions(districts: PolygonLayer, regions: PolygonLayer | undefined): Int32Array {
  const result = new Int32Array(districts.ids.length).fill(-1);
  if (!regions) return result;
  const byId = firstIndexByKey(regions.ids);
  const byName = firstIndexByKey(regions.names);
  const named = districts.text.region;
  const unresolved: number[] = [];
  for (let d = 0; d < result.length; d++) {
    const key = named?.[d]?.trim() ?? '';
    const found = key === '' ? undefined : (byId.get(key) ?? byName.get(key));
    if (found === undefined) unresolved.push(d);
    else result[d] = found;
  }
  if (unresolved.length === 0) return result;
  const lon = new Float64Array(unresolved.length).fill(NaN);
  const lat = new Float64Array(unresolved.length).fill(NaN);
  unresolved.forEach((d, k) => {
    const inside = interiorPoint(districts.geometries[d]);
    if (inside) [lon[k], lat[k]] = inside;
  });
  const assigned = assignPointsToPolygons(lon, lat, regions.geometries);
  unresolved.forEach((d, k) => (result[d] = assigned[k]));
  return result;
}

/**
 * Region through the district where there is one (keeps the funnel's levels nested); points outside
 * every district, or in a district with no region, are tested against the regions directly.
 */
function regionOfPoints(layer: PointLayer, inDistrict: Int32Array, districtRegion: Int32Array, regions: PolygonLayer | undefined): Int32Array {
  const result = new Int32Array(inDistrict.length).fill(-1);
  if (!regions) return result;
  const rest: number[] = [];
  for (let p = 0; p < inDistrict.length; p++) {
    const region = inDistrict[p] >= 0 ? districtRegion[inDistrict[p]] : -1;
    if (region >= 0) result[p] = region;
    else rest.push(p);
  }
  if (rest.length === 0) return result;
  const lon = Float64Array.from(rest, (p) => layer.lon[p]);
  const lat = Float64Array.from(rest, (p) => layer.lat[p]);
  const assigned = assignPointsToPolygons(lon, lat, regions.geometries);
  rest.forEach((p, k) => (result[p] = assigned[k]));
  return result;
}

function firstIndexByKey(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key !== '' && !map.has(key)) map.set(key, i);
  });
  return map;
}
