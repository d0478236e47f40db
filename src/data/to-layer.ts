/**
 * RawTable + manifest entry → a typed layer and its report. Every record ends up loaded or in
 * the rejects (row, column, reason): loaded + rejected = read. Whole-file problems (no
 * coordinate column, every row in projected metres, a required column missing) throw BundleError.
 */
import type { CrsName, LayerEntry } from './bundle-manifest.ts';
import { BundleError } from '../errors.ts';
import type { LayerReport, PointLayer, PolygonLayer, Reject } from './layer.ts';
import type { RawTable } from '../io/raw-table.ts';
import { planColumns } from './column-plan.ts';
import { placeRows, type AddressGeocoder } from './place-rows.ts';
import { buildColumns } from './build-columns.ts';
import { fileStem, isBlank, toNumber, toText } from './raw-values.ts';
import { CRS_LABEL } from '../geo/crs.ts';
import { findSwappedOutliers } from './swapped-outliers.ts';
import { foldCodedValues } from './layer-roles.ts';
import { rejectReason } from '../reject-reason.ts';

export interface ToLayerOptions {
  /** The bundle's default CRS, used when the entry names none. */
  defaultCrs?: CrsName;
  geocoder?: AddressGeocoder;
  minConfidence?: number;
}

export interface ToLayerResult {
  layer: PointLayer | PolygonLayer;
  report: LayerReport;
  /** 1-based source row of each loaded record (index-aligned with the layer). */
  rows: number[];
  /** Demand given as polygons: the polygons of the loaded rows (the layer holds their centroids). */
  areas?: PolygonLayer;
}

function gather(values: Float64Array, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

const POLYGON_LAYERS = new Set(['regions', 'districts']);

export function toLayer(raw: RawTable, entry: LayerEntry, opts: ToLayerOptions = {}): ToLayerResult {
  const file = raw.file;
  const crs = entry.crs ?? raw.declaredCrs ?? opts.defaultCrs ?? 'wgs84';
  const polygonLayer = POLYGON_LAYERS.has(entry.layer);
  const plan = planColumns(raw, entry, polygonLayer);
  const addressRef = entry.columns?.address ?? plan.roles.find((r) => r.role === 'address')?.ref;
  const addressColumn = typeof addressRef === 'string' ? addressRef : undefined;
  const geocoder = entry.layer === 'candidates' ? opts.geocoder : undefined;

  if (raw.geometry === undefined && plan.wkt === undefined && plan.lon === undefined && !(geocoder && addressColumn)) {
    throw unplaceableFile(file, entry.layer, polygonLayer, addressColumn);
  }
  const weightRole = entry.layer === 'demand' ? plan.roles.find((r) => r.role === 'population') ?? plan.roles.find((r) => r.role === 'weight') : undefined;
  if (entry.layer === 'demand' && weightRole === undefined) {
    throw new BundleError(file, `${file} has no population column for the demand layer; name it in columns.population in bundle.json.`);
  }

  const rejectUngeocoded = entry.layer === 'candidates' && !geocoder;
  const placed = placeRows(raw, plan, { crs, polygonLayer, geocoder, addressColumn, minConfidence: opts.minConfidence, rejectUngeocoded });
  const { rejects } = placed;
  const n = raw.rowCount;
  const notes = [...raw.notes, ...plan.notes];
  if (crs !== 'wgs84') notes.push(`converted from ${CRS_LABEL[crs]} to WGS84`);

  let withCoordinates = n;
  for (const r of rejects) if (r !== null && r.code === 'missing-coordinate') withCoordinates--;
  if (placed.problems.projected > 0 && placed.problems.projected === withCoordinates) {
    throw everyRowProjected(file);
  }
  if (!polygonLayer && crs !== 'epsg3857') {
    const candidates: number[] = [];
    for (let r = 0; r < n; r++) if (rejects[r] === null && placed.areas[r] === null && placed.placedBy?.[r] !== 'exact' && placed.placedBy?.[r] !== 'fuzzy') candidates.push(r);
    for (const r of findSwappedOutliers(placed.lon, placed.lat, candidates)) {
      placed.problems.swapped++;
      rejects[r] = {
        row: r + 1,
        column: plan.lat ?? 'geometry',
        ...rejectReason('swapped-outlier'),
        value: `${placed.lon[r]}, ${placed.lat[r]}`,
      };
    }
  }
  if (placed.problems.swapped > n / 2) {
    notes.push(mostSwappedNote(placed.problems.swapped, n));
  }

  // Demand weights must be numbers; the id must be present and unique within the file.
  const weightCol = weightRole && typeof weightRole.ref === 'string' ? raw.values[weightRole.ref] : undefined;
  const idCol = plan.id !== undefined ? raw.values[plan.id] : undefined;
  // Generated ids are unique by construction; given ones are checked with a Set, and the first
  // row of a repeated id is looked up only for the repeats (a Map of every id costs twice as much).
  const checkIds = idCol !== undefined || plan.idValue !== undefined;
  const seen = new Set<string>();
  const repeats: number[] = [];
  const ids: string[] = new Array<string>(n);
  const stem = fileStem(file);
  for (let r = 0; r < n; r++) {
    if (rejects[r] !== null) continue;
    if (weightCol !== undefined && weightRole !== undefined) {
      const w = toNumber(weightCol[r]);
      const col = weightRole.ref as string;
      if (Number.isNaN(w)) {
        rejects[r] = { row: r + 1, column: col, ...rejectReason(isBlank(weightCol[r]) ? 'weight-missing' : 'weight-not-number', { role: weightRole.role }), value: toText(weightCol[r]) };
        continue;
      }
      if (w < 0) {
        rejects[r] = { row: r + 1, column: col, ...rejectReason('weight-negative', { role: weightRole.role }), value: String(w) };
        continue;
      }
    }
    const id = idCol !== undefined ? toText(idCol[r]) : (plan.idValue ?? `${stem}:${r + 1}`);
    if (id === '') {
      rejects[r] = { row: r + 1, column: plan.id ?? 'id', ...rejectReason('missing-id') };
      continue;
    }
    ids[r] = id;
    if (checkIds) {
      if (seen.has(id)) repeats.push(r);
      else seen.add(id);
    }
  }
  if (repeats.length > 0) {
    const repeated = new Set(repeats.map((r) => ids[r]));
    const firstRow = new Map<string, number>();
    for (let r = 0; r < n; r++) if (rejects[r] === null && repeated.has(ids[r]) && !firstRow.has(ids[r])) firstRow.set(ids[r], r);
    for (const r of repeats) {
      rejects[r] = { row: r + 1, column: plan.id ?? 'id', ...rejectReason('duplicate-id', { first: (firstRow.get(ids[r]) ?? r) + 1 }), value: ids[r] };
    }
  }
  if (idCol === undefined && plan.idValue === undefined) notes.push(noIdNote(stem));
  if (idCol !== undefined) {
    const lookalikes = lookalikeIds(ids, rejects);
    if (lookalikes !== undefined) notes.push(lookalikes);
  }

  const keep: number[] = [];
  const rejectList: Reject[] = [];
  for (let r = 0; r < n; r++) {
    const rej = rejects[r];
    if (rej === null) keep.push(r);
    else rejectList.push(idCol !== undefined && !isBlank(idCol[r]) ? { ...rej, id: toText(idCol[r]) } : rej);
  }
  const cols = buildColumns(raw, plan, keep, notes);
  notes.push(...foldCodedValues(entry.layer, cols.text));
  if (placed.placedBy && placed.confidence) {
    const placedBy = placed.placedBy;
    const confidence = placed.confidence;
    cols.text.placed_by = keep.map((r) => placedBy[r]);
    cols.numeric.geocode_confidence = gather(confidence, keep);
    const explanation = placed.explanation;
    if (explanation && keep.some((r) => explanation[r] !== '')) cols.text.geocode_explanation = keep.map((r) => explanation[r]);
  }
  const keptIds = keep.map((r) => ids[r]);
  const report: LayerReport = { layer: entry.layer, file, read: n, loaded: keep.length, rejected: rejectList.length, rejects: rejectList, notes };

  if (polygonLayer) {
    const nameRef = plan.name;
    const nameCol = typeof nameRef === 'string' ? raw.values[nameRef] : undefined;
    const nameValue = nameRef !== undefined && typeof nameRef !== 'string' ? String(nameRef.value) : '';
    const names = keep.map((r) => (nameCol !== undefined ? toText(nameCol[r]) : nameValue));
    const geometries = keep.map((r) => placed.areas[r]).filter((g) => g !== null);
    return { layer: { kind: 'polygon', layer: entry.layer, ids: keptIds, names, geometries, ...cols }, report, rows: keep.map((r) => r + 1) };
  }
  const layer: PointLayer = {
    kind: 'point',
    layer: entry.layer,
    ids: keptIds,
    lon: gather(placed.lon, keep),
    lat: gather(placed.lat, keep),
    ...cols,
  };
  const result: ToLayerResult = { layer, report, rows: keep.map((r) => r + 1) };
  if (entry.layer === 'demand' && keep.length > 0 && keep.every((r) => placed.areas[r] !== null)) {
    const names = cols.text.name ?? keptIds.map(() => '');
    const geometries = keep.map((r) => placed.areas[r]).filter((g) => g !== null);
    result.areas = { kind: 'polygon', layer: 'demand', ids: keptIds, names, geometries, numeric: cols.numeric, text: cols.text };
  }
  return result;
}

const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/** An id as compared for look-alikes: without invisible characters, in lower case. */
export function idFold(id: string): string {
  return id.replace(INVISIBLE, '').toLowerCase();
}

/** The note on `count` ids that differ from an earlier one (`first`, e.g. `id`) only by case or invisible characters. */
export function lookalikeNote(count: number, first: string, id: string): string {
  return `${count} id(s) differ from another only by letter case or invisible characters (e.g. ${JSON.stringify(first)} and ${JSON.stringify(id)}); they are kept as different sites — make them equal or clearly different if that is not meant`;
}

/**
 * Ids that differ from another only by letter case or invisible characters ('A1', 'a1', 'A\u200B1')
 * are distinct sites, but rarely meant to be: one note with the count and an example.
 */
function lookalikeIds(ids: readonly string[], rejects: readonly (Reject | null)[]): string | undefined {
  const byFold = new Map<string, string>();
  let count = 0;
  let example: [string, string] | undefined;
  for (let r = 0; r < ids.length; r++) {
    if (rejects[r] !== null) continue;
    const id = ids[r];
    const fold = idFold(id);
    const first = byFold.get(fold);
    if (first === undefined) byFold.set(fold, id);
    else if (first !== id) {
      count++;
      example ??= [first, id];
    }
  }
  return example === undefined ? undefined : lookalikeNote(count, ...example);
}

export function mostSwappedNote(swapped: number, read: number): string {
  return `most rows (${swapped} of ${read}) look like lat/lon swapped: map columns.lon and columns.lat the other way round in bundle.json`;
}

export function noIdNote(stem: string): string {
  return `no id column: ids are '${stem}:<row>'`;
}

/** A file with nothing to place its rows by (no geometry, WKT, lon/lat, or geocodable address). */
export function unplaceableFile(file: string, layer: string, polygonLayer: boolean, addressColumn: string | undefined): BundleError {
  return new BundleError(
    file,
    polygonLayer
      ? `${file} has no polygon geometry for layer ${layer}; give it as GeoJSON or add a WKT column (name it in columns.wkt in bundle.json).`
      : layer === 'candidates' && addressColumn !== undefined
        ? `${file} has no coordinate columns, and its addresses cannot be geocoded without a gazetteer; add a gazetteer layer to the bundle or name the coordinate columns in columns.lon and columns.lat.`
        : `${file} has no coordinate columns (looked for lon/lng/longitude/x/经度 and lat/latitude/y/纬度, or a WKT column); name them in columns.lon and columns.lat in bundle.json.`,
  );
}

export function everyRowProjected(file: string): BundleError {
  return new BundleError(
    file,
    `${file} holds projected metres where degrees were expected in every row; if they are web-mercator (EPSG:3857) set "crs": "epsg3857" for it in bundle.json, else reproject it to WGS84 lon/lat.`,
  );
}
