/** The file format: from the manifest, else the file name, checked against the bytes' own signature. */
import { unzipSync } from 'fflate';
import type { FileFormat } from './file-format.ts';
import { BundleError } from '../errors.ts';

export function detectFormat(file: string, declared?: FileFormat): FileFormat {
  if (declared !== undefined) return declared;
  const name = file.toLowerCase();
  if (name.endsWith('.shp.zip')) return 'shapefile';
  if (/(^|\/)stops\.txt$/.test(name) || name.endsWith('.zip')) return 'gtfs';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.arrow') || name.endsWith('.feather') || name.endsWith('.ipc') || name.endsWith('.arrows')) return 'arrow';
  if (name.endsWith('.pbf')) return 'osm-pbf';
  if (name.endsWith('.tif') || name.endsWith('.tiff')) return 'geotiff';
  if (name.endsWith('.shp')) return 'shapefile';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.gpkg')) return 'geopackage';
  if (name.endsWith('.fgb')) return 'flatgeobuf';
  throw new BundleError(
    file,
    `${file} has an unknown file type; rename it to .csv, .tsv, .geojson, .parquet, .arrow, .zip (GTFS or a zipped Shapefile), .osm.pbf, .tif, .shp, .xlsx, .gpkg or .fgb, or set "format" in bundle.json.`,
  );
}

const LABEL: Record<FileFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  geojson: 'GeoJSON',
  parquet: 'Parquet',
  arrow: 'Arrow IPC',
  gtfs: 'GTFS zip',
  'osm-pbf': 'OSM PBF',
  geotiff: 'GeoTIFF',
  shapefile: 'Shapefile',
  xlsx: 'Excel',
  geopackage: 'GeoPackage',
  flatgeobuf: 'FlatGeobuf',
};

/** A zip holds a GTFS feed, a zipped Shapefile or an Excel workbook: its member names tell which (none: unknown). */
function zipKind(bytes: Uint8Array): FileFormat | undefined {
  let kind: FileFormat | undefined;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (/\.shp$/i.test(f.name)) kind = 'shapefile';
        else if (f.name === 'xl/workbook.xml') kind = 'xlsx';
        else if (kind === undefined && /(^|\/)stops\.txt$/.test(f.name)) kind = 'gtfs';
        return false;
      },
    });
  } catch {
    return 'gtfs'; // a damaged zip: the GTFS reader says so in its own words
  }
  return kind;
}

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The format the bytes themselves show (magic numbers; a JSON object for GeoJSON), if any. */
export function sniffFormat(bytes: Uint8Array): FileFormat | undefined {
  if (startsWith(bytes, 'PK\x03\x04')) return zipKind(bytes);
  if (startsWith(bytes, 'SQLite format 3\0')) return 'geopackage';
  if (startsWith(bytes, 'fgb\x03')) return 'flatgeobuf';
  if (bytes.length >= 100 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a) return 'shapefile';
  if (startsWith(bytes, 'II*\0') || startsWith(bytes, 'MM\0*') || startsWith(bytes, 'II+\0') || startsWith(bytes, 'MM\0+')) return 'geotiff';
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1') || (bytes.length > 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)) return 'arrow';
  if (bytes.length > 16 && bytes[0] === 0 && bytes[1] === 0 && startsWith(bytes, 'OSMHeader', 6)) return 'osm-pbf';
  let i = 0;
  if (startsWith(bytes, '\xef\xbb\xbf')) i = 3;
  while (i < bytes.length && i < 64 && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  if (bytes[i] === 0x7b) return 'geojson';
  return undefined;
}

/**
 * The format to read with: the manifest's, else the name's — unless the content plainly is
 * another format, which is then used (with a note). A declared format the content contradicts
 * is a whole-file error.
 */
export function resolveFormat(file: string, bytes: Uint8Array, declared?: FileFormat): { format: FileFormat; note?: string } {
  const sniffed = sniffFormat(bytes);
  const named = detectFormatOrUndefined(file, declared);
  const textual = (f: FileFormat | undefined): boolean => f === 'csv' || f === 'tsv';
  const compatible = (a: FileFormat, b: FileFormat): boolean => a === b || (textual(a) && textual(b));
  if (sniffed === undefined) return { format: named ?? detectFormat(file, declared) };
  if (named === undefined) return { format: sniffed, note: `read as ${LABEL[sniffed]} (from its content)` };
  if (compatible(named, sniffed)) return { format: named };
  if (declared !== undefined) {
    throw new BundleError(file, `${file} is a ${LABEL[sniffed]} file but bundle.json says "format": "${declared}"; correct the format or the file.`);
  }
  return { format: sniffed, note: `read as ${LABEL[sniffed]}: its content is ${LABEL[sniffed]} although its name says ${LABEL[named]}` };
}

function detectFormatOrUndefined(file: string, declared?: FileFormat): FileFormat | undefined {
  try {
    return detectFormat(file, declared);
  } catch {
    return undefined;
  }
}
