/**
 * Shapefile → RawTable: a zip holding .shp/.dbf (with .prj and .cpg when present), or a .shp whose
 * companion files sit beside it. The .prj is honoured for the systems siteselect knows (WGS84 and
 * the geographic systems within a metre of it, web mercator); a projected .prj it does not know is
 * refused with the fix, unless bundle.json names the file's "crs". The .cpg names the text
 * encoding (GBK included). Hand-written (shp-geometry.ts, dbf.ts): the maintained reader (shpjs)
 * needs a proj4 build this registry cannot install, and the format is small and fully specified.
 */
import { unzipSync } from 'fflate';
import { BundleError } from '../errors.ts';
import { parseDbf } from './dbf.ts';
import { NULL_SHAPE, parseShp } from './shp-geometry.ts';
import type { RawTable } from './raw-table.ts';
import { crsOfWkt } from './wkt-crs.ts';
import { rejectReason } from '../reject-reason.ts';

/** Bytes of the file beside this one with another extension ('dbf', 'prj', 'cpg'), if it exists. */
export type CompanionReader = (extension: string) => Promise<Uint8Array | undefined>;

export interface ShapefileOptions {
  companion?: CompanionReader;
  /** bundle.json names the file's CRS: a .prj siteselect does not know is then not refused. */
  crsDeclared?: boolean;
}

interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
  /** The layer's name inside a zip. */
  inner?: string;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function fromZip(file: string, bytes: Uint8Array): ShapefileParts {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.(shp|dbf|prj|cpg)$/i.test(f.name) && !f.name.startsWith('__MACOSX') });
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable zip (${err instanceof Error ? err.message : String(err)}); zip the Shapefile's .shp, .dbf and .prj again.`, { cause: err });
  }
  const shps = Object.keys(entries).filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) throw new BundleError(file, `${file} holds no .shp file; zip the Shapefile's .shp, .dbf and .prj together.`);
  if (shps.length > 1) throw new BundleError(file, `${file} holds ${shps.length} Shapefiles (${shps.join(', ')}); zip one layer per file.`);
  const base = shps[0].slice(0, -4);
  const find = (ext: string): Uint8Array | undefined => {
    const key = Object.keys(entries).find((n) => n.slice(0, -4) === base && n.slice(-3).toLowerCase() === ext);
    return key === undefined ? undefined : entries[key];
  };
  const text = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder('utf-8').decode(b));
  return { shp: entries[shps[0]], dbf: find('dbf'), prj: text(find('prj')), cpg: text(find('cpg')), inner: shps[0] };
}

export async function readShapefile(file: string, bytes: Uint8Array, opts: ShapefileOptions = {}): Promise<RawTable> {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the Shapefile again.`);
  let parts: ShapefileParts;
  if (isZip(bytes)) parts = fromZip(file, bytes);
  else {
    const read = async (ext: string): Promise<Uint8Array | undefined> => (opts.companion ? await opts.companion(ext) : undefined);
    const text = async (ext: string): Promise<string | undefined> => {
      const b = await read(ext);
      return b === undefined ? undefined : new TextDecoder('utf-8').decode(b);
    };
    parts = { shp: bytes, dbf: await read('dbf'), prj: await text('prj'), cpg: await text('cpg') };
  }
  let records;
  try {
    records = parseShp(parts.shp);
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable Shapefile (${err instanceof Error ? err.message : String(err)}); export it again.`, { cause: err });
  }
  if (parts.dbf === undefined) throw new BundleError(file, `${file} has no .dbf beside it (the attribute table); copy the .dbf with the same name next to the .shp, or zip them together.`);
  let table;
  try {
    table = parseDbf(parts.dbf, parts.cpg);
  } catch (err) {
    throw new BundleError(file, `${file}: its .dbf is not readable (${err instanceof Error ? err.message : String(err)}); export the Shapefile again.`, { cause: err });
  }
  if (records.length === 0) throw new BundleError(file, `${file} has no features; export the layer again with its features.`);
  const notes = [`Shapefile${parts.inner ? ` ${parts.inner}` : ''}: ${records.length} shapes, .dbf read as ${table.encoding}${parts.cpg ? ' (from the .cpg)' : ''}`];
  if (table.rowCount !== records.length) {
    throw new BundleError(file, `${file}: the .shp holds ${records.length} shapes but the .dbf ${table.rowCount} records (${table.deleted} deleted); export the Shapefile again so they match.`);
  }
  let declaredCrs: 'wgs84' | 'epsg3857' | undefined;
  if (parts.prj !== undefined) {
    const crs = crsOfWkt(parts.prj);
    if (typeof crs === 'string') declaredCrs = crs;
    else if (!opts.crsDeclared) {
      throw new BundleError(file, `${file} is in ${crs.unknown} (its .prj); siteselect reads WGS84 lon/lat or web mercator, so reproject it first (ogr2ogr -t_srs EPSG:4326 out.shp ${file}) or set "crs" for it in bundle.json.`);
    }
  } else notes.push('no .prj: coordinates taken as the bundle\'s CRS');
  return {
    file,
    columns: table.columns,
    values: table.values,
    geometry: records.map((r) => r.geometry),
    // A null shape is a missing geometry (a candidate may still be geocoded); a broken record is rejected as such.
    rowErrors: records.map((r) => (r.geometry === null && r.error !== undefined && r.error !== NULL_SHAPE ? rejectReason('unreadable-shape', { detail: r.error }) : null)),
    rowCount: records.length,
    notes,
    ...(declaredCrs ? { declaredCrs } : {}),
  };
}
