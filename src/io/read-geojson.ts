/**
 * GeoJSON bytes → RawTable: one record per feature, its properties as columns and its geometry
 * kept as is. A bare geometry or a single Feature counts as a one-record file.
 */
import type { Feature, Geometry } from 'geojson';
import { BundleError } from '../errors.ts';
import type { RawTable, RawValue } from './raw-table.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

function toRawValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Deeper than any real geometry (a MultiPolygon's coordinates are 4 levels) or property; a 10 KB
 * feature nested 5 000 levels deep overflowed the stack of the recursive code after the reader.
 */
export const MAX_NESTING = 100;

/** True when `value` nests arrays or objects more than MAX_NESTING levels deep. Iterative, so any depth is safe. */
function tooDeep(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_NESTING) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Where a feature nests too deeply ('geometry' or 'properties.<key>'), or undefined. */
function tooDeepAt(feature: Record<string, unknown>, props: Record<string, unknown>): string | undefined {
  if (tooDeep(feature.geometry)) return 'geometry';
  for (const key of Object.keys(props)) if (tooDeep(props[key])) return `properties.${key}`;
  return undefined;
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

/**
 * What a FeatureCollection's table looks like, known only from all its features: the property
 * columns in first-seen order, whether feature ids become a column, the declared CRS.
 */
export interface GeoJsonShape {
  columns: string[];
  /** Some feature has an id and no feature has an "id" property: ids become column "id". */
  idColumn: boolean;
  crs?: 'wgs84' | 'epsg3857';
}

/** Adds a feature's property names (first seen first) and id to the shape being learnt. */
export function learnShape(shape: GeoJsonShape & { seen: Set<string>; anyFeatureId: boolean }, f: unknown): void {
  if (!isObject(f) || f.type !== 'Feature') return;
  if (f.id !== undefined) shape.anyFeatureId = true;
  const props = isObject(f.properties) ? f.properties : {};
  for (const key of Object.keys(props)) {
    if (shape.seen.has(key)) continue;
    shape.seen.add(key);
    shape.columns.push(key);
  }
  shape.idColumn = shape.anyFeatureId && !shape.seen.has('id');
}

export function newShape(): GeoJsonShape & { seen: Set<string>; anyFeatureId: boolean } {
  return { columns: [], idColumn: false, seen: new Set(), anyFeatureId: false };
}

/** The declared CRS of a document (the legacy "crs" member); throws for one not converted. */
export function geoJsonCrs(file: string, doc: unknown): 'wgs84' | 'epsg3857' | undefined {
  return declaredCrs(file, doc);
}

/** Features (a whole file's or a run of them) as table rows with the file's shape. */
export function featureTable(file: string, features: readonly unknown[], shape: GeoJsonShape): RawTable {
  const n = features.length;
  const values: Record<string, RawValue[]> = {};
  for (const key of shape.columns) values[key] = new Array<RawValue>(n).fill(null);
  const geometry: (Geometry | null)[] = new Array<Geometry | null>(n);
  const rowErrors: (RejectReason | null)[] = new Array<RejectReason | null>(n).fill(null);
  const featureIds: RawValue[] = new Array<RawValue>(n).fill(null);
  for (let r = 0; r < n; r++) {
    const f = features[r];
    if (!isObject(f) || f.type !== 'Feature') {
      rowErrors[r] = rejectReason('not-a-feature');
      geometry[r] = null;
      continue;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const deep = tooDeepAt(f, props);
    if (deep !== undefined) {
      rowErrors[r] = rejectReason('nested-too-deep', { property: deep, levels: MAX_NESTING });
      geometry[r] = null;
      continue;
    }
    const feature = f as unknown as Feature;
    geometry[r] = isObject(feature.geometry) ? feature.geometry : null;
    if (feature.id !== undefined) featureIds[r] = feature.id;
    for (const key of Object.keys(props)) values[key][r] = toRawValue(props[key]);
  }
  const columns = [...shape.columns];
  const notes: string[] = [];
  if (shape.crs === 'epsg3857') notes.push('the file declares EPSG:3857 (web mercator)');
  if (shape.idColumn) {
    values.id = featureIds;
    columns.push('id');
    notes.push('feature ids kept as column "id"');
  }
  return { file, columns, values, geometry, rowErrors, rowCount: n, notes, ...(shape.crs ? { declaredCrs: shape.crs } : {}) };
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
  const shape = newShape();
  for (const f of features) learnShape(shape, f);
  const crs = declaredCrs(file, doc);
  return featureTable(file, features, { columns: shape.columns, idColumn: shape.idColumn, ...(crs ? { crs } : {}) });
}
