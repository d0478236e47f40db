/**
 * The in-memory form of every loaded layer: columnar, typed, the same in Node and the browser.
 * Importers produce these; criteria, kernels and the database layer consume them.
 */
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
  numeric: Record<string, Float64Array>;
  text: Record<string, string[]>;
}

/** Points in WGS84 lon/lat degrees (already converted from the input CRS). */
export interface PointLayer extends Columns {
  kind: 'point';
  layer: LayerName;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
}

export type AreaGeometry = Polygon | MultiPolygon;

/** Polygons in WGS84; `names` is '' where the layer has no name column. */
export interface PolygonLayer extends Columns {
  kind: 'polygon';
  layer: LayerName;
  ids: string[];
  names: string[];
  geometries: AreaGeometry[];
}

export type Layer = PointLayer | PolygonLayer;

/** One input row that was not loaded, and why. `row` is the 1-based data record number in its file. */
export interface Reject {
  row: number;
  column: string;
  reason: string;
  /** The offending value as read, when there is one. */
  value?: string;
}

/** What one file contributed to one layer. Invariant: loaded + rejected === read. */
export interface LayerReport {
  layer: LayerName;
  file: string;
  read: number;
  loaded: number;
  rejected: number;
  rejects: Reject[];
  /** Non-fatal notes (detected columns, encoding, CRS guesses). */
  notes: string[];
}

/** A whole loaded bundle. Layers that several files feed are concatenated. */
export interface LoadedBundle {
  name: string;
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
  reports: LayerReport[];
}
