/**
 * FlatGeobuf (.fgb) → RawTable through the project's own GeoJSON table builder: the features are
 * decoded by `flatgeobuf` (the format's reference implementation, maintained by its authors), and
 * the header's CRS is honoured for EPSG:4326 / 3857 and WKT definitions siteselect knows.
 */
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf';
import { BundleError } from '../errors.ts';
import { featureTable, learnShape, newShape } from './read-geojson.ts';
import type { RawTable } from './raw-table.ts';
import { crsOfWkt } from './wkt-crs.ts';

function crsOf(file: string, header: HeaderMeta | undefined, crsDeclared: boolean): 'wgs84' | 'epsg3857' | undefined {
  const crs = header?.crs;
  if (crs === null || crs === undefined || crs.code === 0) return undefined;
  if (crs.code === 4326) return 'wgs84';
  if (crs.code === 3857) return 'epsg3857';
  const known = crsOfWkt(crs.wkt ?? '');
  if (typeof known === 'string') return known;
  if (crsDeclared) return undefined;
  throw new BundleError(file, `${file} is in ${crs.org ?? 'EPSG'}:${crs.code}${crs.name ? ` (${crs.name})` : ''}; siteselect reads WGS84 lon/lat or web mercator, so reproject it first (ogr2ogr -t_srs EPSG:4326 out.fgb ${file}) or set "crs" for it in bundle.json.`);
}

export async function readFlatGeobuf(file: string, bytes: Uint8Array, opts: { crsDeclared?: boolean } = {}): Promise<RawTable> {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the FlatGeobuf again.`);
  // The decoder can spin on a cut or damaged header, so the magic bytes and the header's length are checked first.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= 12 && bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62 && bytes[4] === 0x66 && bytes[5] === 0x67 && bytes[6] === 0x62;
  if (!magic || 12 + view.getUint32(8, true) > bytes.length) {
    throw new BundleError(file, `${file} is not a readable FlatGeobuf file (${magic ? 'its header is cut short' : 'no FlatGeobuf signature'}); export it again.`);
  }
  let header: HeaderMeta | undefined;
  const features: unknown[] = [];
  try {
    for await (const f of deserialize(bytes, { headerMetaFn: (h) => (header = h) })) features.push(f);
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable FlatGeobuf file (${err instanceof Error ? err.message : String(err)}); export it again.`, { cause: err });
  }
  if (features.length === 0) throw new BundleError(file, `${file} has no features; export the layer again with its features.`);
  const crs = crsOf(file, header, opts.crsDeclared ?? false);
  const shape = newShape();
  for (const f of features) learnShape(shape, f);
  const table = featureTable(file, features, { columns: shape.columns, idColumn: shape.idColumn, ...(crs ? { crs } : {}) });
  table.notes.unshift(`FlatGeobuf: ${features.length} features`);
  return table;
}
