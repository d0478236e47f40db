/** The part of a loaded bundle the page draws: polygons, and points with a text label each. */
import type { LoadedBundle, PointLayer, PolygonLayer } from './engine-types.ts';
import type { DuckLayer } from './duck-layer.ts';
import { POINT_LAYERS, type MapData, type MapPoints, type MapPolygons, type PointLayerKey } from './messages.ts';

/** Which text columns make a useful tooltip label, per layer, first non-empty wins. */
export const LABEL_COLUMNS: Record<PointLayerKey, string[]> = {
  competitors: ['name', 'brand', 'type'],
  network: ['name', 'type'],
  candidates: ['name', 'address'],
  pois: ['name', 'category'],
  transit: ['name', 'mode'],
};

function polygons(layer: PolygonLayer | undefined): MapPolygons | undefined {
  if (!layer) return undefined;
  return { ids: layer.ids, names: layer.names, geometries: layer.geometries };
}

function points(layer: PointLayer | undefined, key: PointLayerKey): MapPoints | undefined {
  if (!layer) return undefined;
  const columns = LABEL_COLUMNS[key].map((c) => layer.text[c]).filter((c): c is string[] => c !== undefined);
  const labels = layer.ids.map((id, i) => {
    const parts = columns.map((c) => c[i]).filter((v) => v !== '');
    return parts.length > 0 ? parts.slice(0, 2).join(' · ') : id;
  });
  return { lon: layer.lon, lat: layer.lat, labels };
}

/**
 * Points of a layer held in DuckDB the page gets at most: an even sample (4 MB) it draws from, at
 * most MAX_DRAWN of those in view. Sent whole, 5 M positions were an 80 MB copy in the page.
 */
export const MAP_SAMPLE_POINTS = 250_000;

function pointSample(lon: Float64Array, lat: Float64Array): MapPoints {
  const stride = Math.max(1, Math.ceil(lon.length / MAP_SAMPLE_POINTS));
  const n = Math.ceil(lon.length / stride);
  const sample = { lon: new Float64Array(n), lat: new Float64Array(n), labels: [], stride };
  for (let i = 0; i < n; i++) {
    sample.lon[i] = lon[i * stride];
    sample.lat[i] = lat[i * stride];
  }
  return sample;
}

/** `candidatesInDb`: a candidate layer held in DuckDB (duck-layer.ts), drawn from its positions with no labels (the page then names a point by its position in the layer). */
export function mapDataOf(bundle: LoadedBundle, candidatesInDb: DuckLayer | null = null): MapData {
  const counts: MapData['counts'] = {};
  const pointData: MapData['points'] = {};
  for (const key of POINT_LAYERS) {
    const p = points(bundle[key], key);
    if (p) pointData[key] = p;
  }
  for (const name of ['regions', 'districts', 'demand', 'competitors', 'network', 'pois', 'transit', 'candidates', 'gazetteer'] as const) {
    const layer = bundle[name];
    if (layer) counts[name] = layer.ids.length;
  }
  if (candidatesInDb) {
    pointData.candidates = pointSample(candidatesInDb.lon, candidatesInDb.lat);
    counts.candidates = candidatesInDb.lon.length;
  }
  return {
    name: bundle.name,
    synthetic: bundle.synthetic,
    ...(bundle.attribution !== undefined ? { attribution: bundle.attribution } : {}),
    regions: polygons(bundle.regions),
    districts: polygons(bundle.districts),
    points: pointData,
    counts,
    reports: bundle.reports,
    ...(bundle.basemap ? { basemap: { features: bundle.basemap.features, ...(bundle.basemap.attribution !== undefined ? { attribution: bundle.basemap.attribution } : {}) } } : {}),
  };
}
