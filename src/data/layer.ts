/**
 * The in-memory form of every loaded layer: columnar, typed, the same in Node and the browser.
 * Importers produce these; criteria, kernels and the database layer consume them.
 */
import type { Basemap } from './basemap.ts';
import type { RejectReason } from '../reject-reason.ts';
import type { MultiPolygon, Polygon } from 'geojson';

export const LAYER_NAMES = [
  'regions',
  'districts',
  'demand',
  'competitors',
  'network',
  'pois',
  'transit',
  'candidates',
  'gazetteer',
] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** Numeric columns hold NaN for a missing value; text columns hold ''. */
export interface Columns {
  /** Numeric columns by name (manifest role or source column), one value per loaded row. */
  numeric: Record<string, Float64Array>;
  /** Text columns by name (brand, type, category, address …), one value per loaded row. */
  text: Record<string, string[]>;
}

/** Points in WGS84 lon/lat degrees (already converted from the input CRS). */
export interface PointLayer extends Columns {
  kind: 'point';
  layer: LayerName;
  /** One id per loaded row (the id column, or `<file>:<row>` where there is none); unique in the layer. */
  ids: string[];
  /** Longitude of each row, WGS84 degrees. */
  lon: Float64Array;
  /** Latitude of each row, WGS84 degrees. */
  lat: Float64Array;
}

export type AreaGeometry = Polygon | MultiPolygon;

/** Polygons in WGS84; `names` is '' where the layer has no name column. */
export interface PolygonLayer extends Columns {
  kind: 'polygon';
  layer: LayerName;
  /** One id per loaded polygon; unique in the layer. */
  ids: string[];
  names: string[];
  /** GeoJSON Polygon or MultiPolygon geometry of each row, WGS84. */
  geometries: AreaGeometry[];
}

export type Layer = PointLayer | PolygonLayer;

/** One input row that was not loaded, and why (code, parameters, English). `row` is the 1-based data record number in its file. */
export interface Reject extends RejectReason {
  row: number;
  column: string;
  /** The offending value as read, when there is one. */
  value?: string;
  /** The row's id, when its id column could be read. */
  id?: string;
}

/** What one file contributed to one layer. Invariant: loaded + rejected === read. */
export interface LayerReport {
  layer: LayerName;
  file: string;
  /** Data records read from the file. */
  read: number;
  /** Records loaded into the layer. */
  loaded: number;
  /** Records not loaded (each in `rejects` with its row and reason). */
  rejected: number;
  rejects: Reject[];
  /** Non-fatal notes (detected columns, encoding, CRS guesses). */
  notes: string[];
}

/** A whole loaded bundle. Layers that several files feed are concatenated. */
export interface LoadedBundle {
  /** The manifest's name. */
  name: string;
  /** True for generated data (labelled synthetic wherever it is shown). */
  synthetic: boolean;
  /** The manifest's data attribution line, when it has one. */
  attribution?: string;
  regions?: PolygonLayer;
  districts?: PolygonLayer;
  demand?: PointLayer;
  competitors?: PointLayer;
  network?: PointLayer;
  pois?: PointLayer;
  transit?: PointLayer;
  candidates?: PointLayer;
  gazetteer?: PointLayer;
  /** Demand given as polygons keeps its polygons here (the point form holds centroids). */
  demandAreas?: PolygonLayer;
  /** The manifest's street network file, as bytes (src/network builds graphs from it). */
  roads?: { file: string; bytes: Uint8Array };
  /** The manifest's basemap: context lines and polygons drawn under the data, never scored. */
  basemap?: Basemap;
  /** One report per layer file, in manifest order: read / loaded / rejected and the rejects. */
  reports: LayerReport[];
}
