/** One file's bytes → RawTable, by format (declared in bundle.json or taken from the file name). */
import { BundleError } from '../errors.ts';
import { resolveFormat } from './detect-format.ts';
import type { FileFormat } from './file-format.ts';
import type { TextEncodingName } from './decode-text.ts';
import type { OsmTagFilter } from './osm-tag-filter.ts';
import { readCsv } from './read-csv.ts';
import { readGeoJson } from './read-geojson.ts';
import { readGtfsStops } from './read-gtfs.ts';
import { readOsmPbf } from './read-osm-pbf.ts';
import { readParquet } from './parquet.ts';
import { readArrowIpc } from './arrow-ipc.ts';
import type { LonLatBox } from './read-geotiff.ts';
import type { CompanionReader } from './read-shapefile.ts';
import type { Database } from '../db/database.ts';
import type { RawTable } from './raw-table.ts';
import type { RangeReader } from './file-source.ts';

/** What a bundle.json entry says about reading its file (the reader's side of a LayerEntry). */
export interface ReadEntry {
  /** The layer the file feeds: an OSM extract is read by the layer's tags. */
  layer: string;
  format?: FileFormat;
  encoding?: TextEncodingName;
  osmTags?: OsmTagFilter;
  osmOwnBrand?: string;
  band?: number;
  bandRole?: string;
  cells?: 'points' | 'polygons';
  /** Declared by the manifest: then a Shapefile's or GeoPackage's own coordinate system is not applied. */
  crs?: string;
  sheet?: string;
  table?: string;
}

export interface ReadTableOptions {
  db?: Database;
  /** Rasters are read only over this box (the bundle's regions), so memory follows the study area. */
  studyArea?: LonLatBox;
  /** Companion files (a Shapefile's .dbf, .prj, .cpg beside its .shp). */
  companion?: CompanionReader;
  /** The file by byte range: a GeoTIFF is then read over the study area only (`bytes` is its head). */
  ranges?: RangeReader;
}

export async function readTable(file: string, bytes: Uint8Array, entry: ReadEntry, opts: ReadTableOptions = {}): Promise<RawTable> {
  const { format, note } = resolveFormat(file, bytes, entry.format);
  const table = await readAs(format, file, bytes, entry, opts);
  if (note !== undefined) table.notes.unshift(note);
  return table;
}

async function readAs(
  format: FileFormat,
  file: string,
  bytes: Uint8Array,
  entry: ReadEntry,
  opts: ReadTableOptions,
): Promise<RawTable> {
  switch (format) {
    case 'csv':
      return readCsv(file, bytes, { encoding: entry.encoding });
    case 'tsv':
      return readCsv(file, bytes, { delimiter: '\t', encoding: entry.encoding });
    case 'geojson':
      return readGeoJson(file, bytes);
    case 'gtfs':
      return readGtfsStops(file, bytes);
    case 'osm-pbf':
      return readOsmPbf(file, bytes, entry.layer, entry.osmTags, entry.osmOwnBrand);
    case 'parquet':
      return readParquet(file, bytes, opts.db);
    case 'arrow':
      return readArrowIpc(file, bytes);
    case 'geotiff': {
      // The newer readers load on demand, so a CSV-only run does not pay for them.
      const { readGeoTiff } = await import('./read-geotiff.ts');
      return readGeoTiff(file, opts.ranges ?? bytes, { band: entry.band, role: entry.bandRole, cells: entry.cells, studyArea: opts.studyArea });
    }
    case 'shapefile': {
      const { readShapefile } = await import('./read-shapefile.ts');
      return readShapefile(file, bytes, { companion: opts.companion, crsDeclared: entry.crs !== undefined });
    }
    case 'xlsx': {
      const { readXlsx } = await import('./read-xlsx.ts');
      return readXlsx(file, bytes, { sheet: entry.sheet });
    }
    case 'geopackage': {
      const { readGeoPackage } = await import('./read-geopackage.ts');
      return readGeoPackage(file, bytes, { table: entry.table, crsDeclared: entry.crs !== undefined });
    }
    case 'flatgeobuf': {
      const { readFlatGeobuf } = await import('./read-flatgeobuf.ts');
      return readFlatGeobuf(file, bytes, { crsDeclared: entry.crs !== undefined });
    }
  }
  throw new BundleError(file, `${file}: unknown format '${String(format satisfies never)}'; set "format" in bundle.json.`);
}
