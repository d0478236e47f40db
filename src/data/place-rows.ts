/**
 * Row by row: where is each record (a WGS84 point, a checked polygon, or both for demand areas),
 * or why is it rejected. Coordinates come from the file's geometry, a WKT column, lon/lat
 * columns, or — for candidates without coordinates — the gazetteer geocoder.
 */
import type { Geometry } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import type { CrsName } from './bundle-manifest.ts';
import type { AreaGeometry, Reject } from './layer.ts';
import type { RawTable } from '../io/raw-table.ts';
import type { ColumnPlan } from './column-plan.ts';
import { parseWkt } from '../io/wkt.ts';
import { toWgs84 } from '../geo/crs.ts';
import { interiorPoint } from '../geo/interior-point.ts';
import { checkArea } from './check-geometry.ts';
import { coordinateProblem, type CoordinateProblemKind } from './check-coordinates.ts';
import { isBlank, toNumber, toText } from './raw-values.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

/** The subset of the geocoder (src/geocode) the loader needs. */
export interface AddressGeocoder {
  geocode(address: string): { lon: number; lat: number; method: 'exact' | 'fuzzy'; confidence: number; explanation?: string } | null;
}

export interface Placement {
  lon: Float64Array;
  lat: Float64Array;
  /** Per row: the polygon when the row had one (polygon layers, demand areas). */
  areas: (AreaGeometry | null)[];
  /** Per row: null when placed, else the reject. */
  rejects: (Reject | null)[];
  placedBy?: string[];
  confidence?: Float64Array;
  /** Per row: which parts of the address matched ('' when not geocoded or not explained). */
  explanation?: string[];
  /** Counts of coordinate problems by kind, for whole-file judgements. */
  problems: Record<CoordinateProblemKind, number>;
}

export interface PlaceOptions {
  crs: CrsName;
  polygonLayer: boolean;
  geocoder?: AddressGeocoder;
  addressColumn?: string;
  minConfidence?: number;
  /** Rows with an address and no coordinates are rejected for want of a geocoder (candidates in a bundle without a gazetteer). */
  rejectUngeocoded?: boolean;
}

/**
 * The point an area is reduced to: its centroid (DESIGN §2), or where a concave shape puts the
 * centroid outside, a point strictly inside it (Turf's pointOnFeature gave a boundary vertex, which
 * the neighbouring area holds too).
 */
function areaPoint(area: AreaGeometry): [number, number] {
  const c = centroid(area).geometry.coordinates;
  if (booleanPointInPolygon(c, area, { ignoreBoundary: true })) return [c[0], c[1]];
  return interiorPoint(area) ?? [c[0], c[1]];
}

export function placeRows(raw: RawTable, plan: ColumnPlan, opts: PlaceOptions): Placement {
  const n = raw.rowCount;
  const lon = new Float64Array(n).fill(NaN);
  const lat = new Float64Array(n).fill(NaN);
  const areas: (AreaGeometry | null)[] = new Array<AreaGeometry | null>(n).fill(null);
  const rejects: (Reject | null)[] = new Array<Reject | null>(n).fill(null);
  const problems: Record<CoordinateProblemKind, number> = { swapped: 0, projected: 0, range: 0 };
  const placedBy = opts.geocoder ? new Array<string>(n).fill('coordinates') : undefined;
  const confidence = opts.geocoder ? new Float64Array(n).fill(NaN) : undefined;
  const explanation = opts.geocoder ? new Array<string>(n).fill('') : undefined;
  const { crs } = opts;
  const lonCol = plan.lon !== undefined ? raw.values[plan.lon] : undefined;
  const latCol = plan.lat !== undefined ? raw.values[plan.lat] : undefined;
  const wktCol = plan.wkt !== undefined ? raw.values[plan.wkt] : undefined;
  const addrCol = opts.addressColumn !== undefined ? raw.values[opts.addressColumn] : undefined;
  const geomColumn = plan.wkt ?? 'geometry';

  const reject = (r: number, column: string, why: RejectReason, value?: unknown): void => {
    rejects[r] = value === undefined || value === null ? { row: r + 1, column, ...why } : { row: r + 1, column, ...why, value: String(value) };
  };
  const placeGeometry = (r: number, g: Geometry | null): void => {
    // A file's geometry is unchecked JSON: "coordinates" may be missing or not an array.
    const coordinates: unknown = g !== null && 'coordinates' in g ? g.coordinates : undefined;
    if (g !== null && (g.type === 'Point' || g.type === 'MultiPoint') && !Array.isArray(coordinates)) {
      reject(r, geomColumn, rejectReason('point-without-coordinates', { type: g.type }));
      return;
    }
    if (g !== null && (g.type === 'Point' || (g.type === 'MultiPoint' && g.coordinates.length === 1)) && !opts.polygonLayer) {
      const p: unknown = g.type === 'Point' ? g.coordinates : g.coordinates[0];
      if (!Array.isArray(p)) return reject(r, geomColumn, rejectReason('position-not-numbers'));
      placeXY(r, p[0], p[1], geomColumn, geomColumn);
      return;
    }
    const checked = checkArea(g, crs);
    if (!checked.ok) {
      if (checked.kind === 'swapped' || checked.kind === 'projected' || checked.kind === 'range') problems[checked.kind]++;
      reject(r, geomColumn, opts.polygonLayer || checked.kind !== 'type' ? checked.reason : rejectReason('not-point-or-area', { type: g?.type ?? 'missing' }));
      return;
    }
    areas[r] = checked.geometry;
    if (!opts.polygonLayer) [lon[r], lat[r]] = areaPoint(checked.geometry);
  };
  const placeXY = (r: number, x: number, y: number, lonName: string, latName: string): void => {
    if (typeof x !== 'number' || !Number.isFinite(x)) return reject(r, lonName, rejectReason('non-numeric-coordinate'), x);
    if (typeof y !== 'number' || !Number.isFinite(y)) return reject(r, latName, rejectReason('non-numeric-coordinate'), y);
    const problem = coordinateProblem(x, y, crs);
    if (problem !== null) {
      problems[problem.kind]++;
      reject(r, problem.axis === 'lon' ? lonName : latName, problem.reason, problem.axis === 'lon' ? x : y);
      return;
    }
    [lon[r], lat[r]] = crs === 'wgs84' ? [x, y] : toWgs84(x, y, crs);
  };
  const geocode = (r: number): boolean => {
    if (!addrCol) return false;
    const address = toText(addrCol[r]);
    if (address === '') return false;
    if (!opts.geocoder || !placedBy || !confidence) {
      if (!opts.rejectUngeocoded) return false;
      reject(r, opts.addressColumn ?? 'address', rejectReason('no-gazetteer'), address);
      return true;
    }
    const hit = opts.geocoder.geocode(address);
    if (hit === null) reject(r, opts.addressColumn ?? 'address', rejectReason('address-not-found'), address);
    else if (hit.confidence < (opts.minConfidence ?? 0)) {
      reject(r, opts.addressColumn ?? 'address', rejectReason('address-low-confidence', { confidence: hit.confidence.toFixed(2), minimum: opts.minConfidence ?? 0 }), address);
    } else {
      lon[r] = hit.lon;
      lat[r] = hit.lat;
      placedBy[r] = hit.method;
      confidence[r] = hit.confidence;
      if (explanation) explanation[r] = hit.explanation ?? '';
    }
    return true;
  };

  for (let r = 0; r < n; r++) {
    const shapeError = raw.rowErrors?.[r];
    if (shapeError) {
      reject(r, '', shapeError);
      continue;
    }
    if (raw.geometry !== undefined) {
      const g = raw.geometry[r];
      if (g === null && geocode(r)) continue;
      placeGeometry(r, g);
    } else if (wktCol !== undefined) {
      const cell = wktCol[r];
      if (isBlank(cell)) {
        if (!geocode(r)) reject(r, geomColumn, rejectReason('missing-geometry'));
        continue;
      }
      const parsed = parseWkt(toText(cell));
      if ('error' in parsed) reject(r, geomColumn, parsed.error, cell);
      else placeGeometry(r, parsed.geometry);
    } else if (lonCol !== undefined && latCol !== undefined && plan.lon !== undefined && plan.lat !== undefined) {
      const xs = lonCol[r];
      const ys = latCol[r];
      if (isBlank(xs) || isBlank(ys)) {
        if (!geocode(r)) reject(r, isBlank(xs) ? plan.lon : plan.lat, rejectReason('missing-coordinate'));
        continue;
      }
      const x = toNumber(xs);
      const y = toNumber(ys);
      if (Number.isNaN(x)) reject(r, plan.lon, rejectReason('non-numeric-coordinate'), xs);
      else if (Number.isNaN(y)) reject(r, plan.lat, rejectReason('non-numeric-coordinate'), ys);
      else placeXY(r, x, y, plan.lon, plan.lat);
    } else if (!geocode(r)) {
      reject(r, opts.addressColumn ?? '', rejectReason(opts.addressColumn ? 'no-coordinates-no-address' : 'no-coordinates'));
    }
  }
  return { lon, lat, areas, rejects, placedBy, confidence, explanation, problems };
}
