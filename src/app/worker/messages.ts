/**
 * What the page and its engine worker say to each other. The worker owns the bundle, the kernels
 * and DuckDB; the page only receives what it draws (geometry, points, scored levels).
 */
import type { Basemap, FunnelResult, LayerEntry, LayerReport, LayerName, LoadedBundle, MultiPolygon, Polygon } from './engine-types.ts';
import type { BundleProposal } from '../engine-api.ts';
import type { TradeAreaCollection } from '../../network/bundle-trade-areas.ts';
import type { SiteForecastReply } from './forecast-site.ts';

export interface MapPolygons {
  ids: string[];
  names: string[];
  geometries: (Polygon | MultiPolygon)[];
}

export interface MapPoints {
  lon: Float64Array;
  lat: Float64Array;
  /** Label per point (name, brand, category …) shown in tooltips; text only. Empty for a layer held in DuckDB (a large dropped file). */
  labels: string[];
  /**
   * A layer held in DuckDB sends the page every `stride`-th point only (point i is the layer's
   * i × stride; the layer's size is in MapData.counts): the page keeps no copy of 5 M positions.
   */
  stride?: number;
}

export type PointLayerKey = 'competitors' | 'network' | 'candidates' | 'pois' | 'transit';
export const POINT_LAYERS: PointLayerKey[] = ['competitors', 'network', 'candidates', 'pois', 'transit'];

export interface MapData {
  name: string;
  synthetic: boolean;
  /** The bundle's data attribution, drawn on the map and its exports. */
  attribution?: string;
  regions?: MapPolygons;
  districts?: MapPolygons;
  points: Partial<Record<PointLayerKey, MapPoints>>;
  /** Counts per layer, for the data panel. */
  counts: Partial<Record<LayerName, number>>;
  reports: LayerReport[];
  /** The bundle's basemap (context drawn under the data), when it has one. */
  basemap?: Pick<Basemap, 'features' | 'attribution'>;
}

/** Column headers and a few sample values of a picked file, for the column mapping. */
export interface FileInspection {
  file: string;
  columns: string[];
  sample: Record<string, string[]>;
  rows: number;
  notes: string[];
  /** GeoJSON and the like carry their own geometry: no lon/lat columns to map. */
  hasGeometry: boolean;
}

export interface HuffSurface {
  /** Grid of the site's capture probability, row-major from the south-west corner. */
  width: number;
  height: number;
  west: number;
  south: number;
  east: number;
  north: number;
  values: Float64Array;
}

export type Request =
  | { type: 'loadOutline'; baseUrl: string }
  | { type: 'loadBundle'; baseUrl: string }
  | { type: 'run'; scenario: unknown }
  | { type: 'inspect'; file: File; layer: LayerName }
  /** io: several files dropped at once → the layer and role proposal `siteselect init` makes. */
  | { type: 'propose'; files: File[] }
  /** ui: a whole new city is imported: an empty bundle of that name replaces the one loaded (sample layers, basemap, badge). */
  | { type: 'newBundle'; name: string; attribution: string }
  /** `append`: add the file's rows to the layer already loaded (ui's import choice); else it replaces it. */
  | { type: 'loadLayer'; file: File; entry: LayerEntry; mode?: 'append' | 'replace' }
  | { type: 'huff'; lon: number; lat: number; scenario: unknown }
  | { type: 'checkFilter'; predicate: string }
  /** net: a site's trade areas over the bundle's streets (src/app/map/trade-area-layer.ts). */
  | { type: 'tradeArea'; lon: number; lat: number; profile: string; minutes: number[] }
  /** Rows per table of the worker's DuckDB (boots it and stores the bundle when not done yet). */
  | { type: 'tables' }
  /** The bundle as the engine holds it now (imports included), for the one-run optimisation and territory workers. */
  | { type: 'bundle' }
  | { type: 'sensitivity'; normalised: Float64Array[]; weights: number[]; ids: string[]; topK: number; combine: 'sum' | 'geometric' }
  | { type: 'forecast'; siteId: string; scenario: unknown }
  /** The id and label of point `index` of the candidates held in DuckDB (the map's tooltip). */
  | { type: 'heldPoint'; index: number };

export type Reply =
  | { type: 'map'; map: MapData }
  | { type: 'funnel'; funnel: FunnelResult; millis: number }
  | { type: 'inspection'; inspection: FileInspection }
  | { type: 'proposal'; proposal: BundleProposal; unreadable: { file: string; reason: string }[] }
  | { type: 'layer'; report: LayerReport; map: MapData; sums: Record<string, number>; sumsBy: 'duckdb' | 'js' }
  | { type: 'huff'; surface: HuffSurface }
  /** A SQL filter checked against the candidates' columns: the problem in words, or null. */
  | { type: 'filterCheck'; error: string | null; columns: string[] }
  | { type: 'tables'; rows: Record<string, number> }
  | { type: 'bundle'; bundle: LoadedBundle }
  | { type: 'sensitivity'; pTopK: Float64Array; rankP05: Int32Array; rankP95: Int32Array; rankMedian: Int32Array }
  /** null when the bundle has no street network. */
  | { type: 'tradeArea'; areas: TradeAreaCollection | null }
  | ({ type: 'forecast' } & SiteForecastReply)
  | { type: 'heldPoint'; id: string; label: string }
  | { type: 'ok' };

/** The distance kernel the engine runs: the worker pool (threads > 1) or its own single thread. */
export interface KernelInfo {
  kind: 'pool' | 'single';
  threads: number;
  /** WebAssembly SIMD scans in this browser's workers (else the JS scans: same sums, slower). */
  simd: boolean;
  /** Why the pool is not used (single only). */
  reason?: string;
}

/** Envelope: every request carries an id; the worker answers it once (reply or error), with progress in between. */
export type ToWorker = { id: number; request: Request };
export type FromWorker =
  | { id: number; kind: 'reply'; reply: Reply }
  | { id: number; kind: 'error'; message: string }
  | { id: number; kind: 'progress'; stage: string; fraction: number }
  | { id: -1; kind: 'status'; status: string }
  | { id: -1; kind: 'kernel'; kernel: KernelInfo };
