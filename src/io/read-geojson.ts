/**
 * GeoJSON bytes → RawTable: one record per feature, its properties as columns and its geometry
 * kept as is. A bare geometry or a single Feature counts as a one-record file.
 */
import type { Feature, Geometry } from 'geojson';
import { BundleError } from '../data/errors.ts';
import type { RawTable, RawValue } from './raw-table.ts';

function toRawValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The legacy (2008) GeoJSON "crs" member: WGS84 variants and web mercator are understood. */
function declaredCrs(file: string, doc: unknown): 'wgs84' | 'epsg3857' | undefined {
  if (!isObject(doc) || !isObject(doc.crs) || !isObject(doc.crs.properties)) return undefined;
  const name = String(doc.crs.properties.name ?? '');
  if (/(CRS84|EPSG:*4326)$/i.test(name)) return 'wgs84';
  if (/EPSG:*(3857|900913|102100)$/i.test(name)) return 'epsg3857';
  throw new BundleError(file, `${file} declares the coordinate system '${name}', which siteselect does not convert; reproject it to WGS84 (EPSG:4326) lon/lat.`);
}

function featuresOf(file: string, doc: unknown): unknown[] {
  if (!isObject(doc)) throw new BundleError(file, `${file} is not a GeoJSON object; export it as a GeoJSON FeatureCollection.`);
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) throw new BundleError(file, `${file} has no "features" array; export it as a GeoJSON FeatureCollection.`);
    return doc.features;
  }
  if (doc.type === 'Feature') return [doc];
  if (typeof doc.type === 'string' && 'coordinates' in doc) return [{ type: 'Feature', properties: {}, geometry: doc }];
  throw new BundleError(file, `${file} is not GeoJSON (type '${String(doc.type)}'); export it as a GeoJSON FeatureCollection.`);
}

export function readGeoJson(file: string, bytes: Uint8Array): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the data again or remove it from bundle.json.`);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (err) {
    throw new BundleError(
      file,
      `${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}), perhaps truncated; export the file again.`,
      { cause: err },
    );
  }
  const features = featuresOf(file, doc);
  if (features.length === 0) throw new BundleError(file, `${file} has no features; add the features or remove the file from bundle.json.`);
  const n = features.length;
  const values: Record<string, RawValue[]> = {};
  const columns: string[] = [];
  const geometry: (Geometry | null)[] = new Array<Geometry | null>(n);
  const rowErrors: (string | null)[] = new Array<string | null>(n).fill(null);
  const featureIds: RawValue[] = new Array<RawValue>(n).fill(null);
  let anyFeatureId = false;
  for (let r = 0; r < n; r++) {
    const f = features[r];
    if (!isObject(f) || f.type !== 'Feature') {
      rowErrors[r] = 'not a GeoJSON Feature';
      geometry[r] = null;
      continue;
    }
    const feature = f as unknown as Feature;
    geometry[r] = isObject(feature.geometry) ? feature.geometry : null;
    if (feature.id !== undefined) {
      featureIds[r] = feature.id;
      anyFeatureId = true;
    }
    const props = isObject(feature.properties) ? feature.properties : {};
    for (const key of Object.keys(props)) {
      let col = values[key];
      if (col === undefined) {
        col = values[key] = new Array<RawValue>(n).fill(null);
        columns.push(key);
      }
      col[r] = toRawValue(props[key]);
    }
  }
  const notes: string[] = [];
  const crs = declaredCrs(file, doc);
  if (crs === 'epsg3857') notes.push('the file declares EPSG:3857 (web mercator)');
  if (anyFeatureId && !('id' in values)) {
    values.id = featureIds;
    columns.push('id');
    notes.push('feature ids kept as column "id"');
  }
  return { file, columns, values, geometry, rowErrors, rowCount: n, notes, ...(crs ? { declaredCrs: crs } : {}) };
}
