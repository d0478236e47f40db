/**
 * One file → one layer and its report: read by format, then validated and typed by toLayer.
 * Used for each file of a bundle, for a file dropped on the page and for the CLI's candidate files.
 */
import type { LayerEntry } from './bundle-manifest.ts';
import type { Layer, LayerReport, PointLayer, PolygonLayer } from './layer.ts';
import type { CrsName } from './bundle-manifest.ts';
import type { AddressGeocoder } from './place-rows.ts';
import { toLayer } from './to-layer.ts';
import { readTable } from '../io/read-table.ts';
import type { LonLatBox } from '../io/read-geotiff.ts';
import type { CompanionReader } from '../io/read-shapefile.ts';
import type { RangeReader } from '../io/file-source.ts';
import type { RawTable } from '../io/raw-table.ts';

export interface LoadLayerFileOptions {
  /** Geocodes candidate rows that have an address and no coordinates. */
  gazetteer?: PointLayer;
  /** A ready geocoder (overrides `gazetteer`). */
  geocoder?: AddressGeocoder;
  minConfidence?: number;
  /** The bundle's default CRS for entries that name none. */
  defaultCrs?: CrsName;
  /** Rasters are windowed to this box (the bundle's regions). */
  studyArea?: LonLatBox;
  /** Companion files beside this one (a Shapefile's .dbf, .prj, .cpg), by extension. */
  companion?: CompanionReader;
  /** The file by byte range (rasters read over the study area only); `bytes` is then its head. */
  ranges?: RangeReader;
  /** The file already read (by DuckDB in the page: src/app/worker/csv-through-duckdb.ts); `bytes` are then not read. */
  table?: RawTable;
}

export interface LoadedLayerFile {
  layer: Layer;
  report: LayerReport;
  /** 1-based source row of each loaded record (index-aligned with the layer). */
  rows: number[];
  /** Demand given as polygons keeps them here; `layer` holds interior points. */
  areas?: PolygonLayer;
}

/** The geocoder is loaded only when a gazetteer is given, so plain loads do not pay for it. */
async function geocoderFor(gazetteer: PointLayer | undefined): Promise<AddressGeocoder | undefined> {
  if (gazetteer === undefined) return undefined;
  const { buildGeocoder } = await import('../geocode/index.ts');
  return buildGeocoder(gazetteer);
}

export async function loadLayerFile(file: string, bytes: Uint8Array, entry: LayerEntry, opts: LoadLayerFileOptions = {}): Promise<LoadedLayerFile> {
  const raw = opts.table ?? (await readTable(file, bytes, entry, { studyArea: opts.studyArea, companion: opts.companion, ranges: opts.ranges }));
  const geocoder = entry.layer === 'candidates' ? (opts.geocoder ?? (await geocoderFor(opts.gazetteer))) : undefined;
  return toLayer(raw, entry, { defaultCrs: opts.defaultCrs, geocoder, minConfidence: opts.minConfidence });
}
