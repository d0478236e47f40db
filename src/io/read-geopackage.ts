/**
 * GeoPackage (.gpkg: SQLite with GPKG geometry blobs) → RawTable: the feature table bundle.json
 * names in "table", or the only one. The SQLite file is opened with sql.js (SQLite compiled to
 * WebAssembly, inlined so no .wasm file has to be found; the same in Node and the page, where
 * better-sqlite3 cannot run); each geometry blob is its GPKG header then WKB (wkb.ts). The table's
 * spatial reference is honoured for EPSG:4326 / 3857 and WKT definitions siteselect knows.
 */
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import type { Database, SqlValue } from 'sql.js';
import type { Geometry } from 'geojson';
import { BundleError } from '../errors.ts';
import type { RawTable, RawValue } from './raw-table.ts';
import { parseWkb } from './wkb.ts';
import { crsOfWkt } from './wkt-crs.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

let sqlite: ReturnType<typeof initSqlJs> | undefined;

/** SQLite identifiers are quoted, never pasted: a table named by the user is data. */
const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql, params);
  const out: Record<string, SqlValue>[] = [];
  while (stmt.step()) out.push(stmt.getAsObject());
  stmt.free();
  return out;
}

/** GPKG blob: "GP", version, flags (byte order, envelope size, empty), srs id, envelope, then WKB. */
export function gpkgGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry blob');
  const flags = blob[3];
  if (flags & 0x10) return null; // empty geometry
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error('invalid envelope code');
  return parseWkb(blob, 8 + envelope);
}

function crsOf(file: string, db: Database, srsId: number, crsDeclared: boolean): 'wgs84' | 'epsg3857' | undefined {
  if (srsId === 4326) return 'wgs84';
  if (srsId === 3857) return 'epsg3857';
  const [srs] = rows(db, 'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  if (srs === undefined || srsId <= 0) return undefined; // undefined Cartesian / geographic: the bundle's CRS
  const code = Number(srs.organization_coordsys_id);
  if (String(srs.organization).toUpperCase() === 'EPSG' && (code === 4326 || code === 3857)) return code === 4326 ? 'wgs84' : 'epsg3857';
  const known = crsOfWkt(String(srs.definition ?? ''));
  if (typeof known === 'string') return known;
  if (crsDeclared) return undefined;
  throw new BundleError(file, `${file} is in ${String(srs.organization)}:${code} (${known.unknown}); siteselect reads WGS84 lon/lat or web mercator, so reproject it first (ogr2ogr -t_srs EPSG:4326 out.gpkg ${file}) or set "crs" for it in bundle.json.`);
}

export async function readGeoPackage(file: string, bytes: Uint8Array, opts: { table?: string; crsDeclared?: boolean } = {}): Promise<RawTable> {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); export the GeoPackage again.`);
  sqlite ??= initSqlJs();
  const SQL = await sqlite;
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    rows(db, 'SELECT 1 FROM sqlite_master LIMIT 1');
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable SQLite/GeoPackage file (${err instanceof Error ? err.message : String(err)}); export it again.`, { cause: err });
  }
  try {
    let tables: Record<string, SqlValue>[];
    try {
      tables = rows(db, "SELECT c.table_name AS name, g.column_name AS geom, g.srs_id AS srs FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name");
    } catch (err) {
      throw new BundleError(file, `${file} is SQLite but not a GeoPackage (no gpkg_contents / gpkg_geometry_columns); export it again as GeoPackage.`, { cause: err });
    }
    const names = tables.map((t) => String(t.name));
    const list = names.map((n) => `'${n}'`).join(', ');
    if (tables.length === 0) throw new BundleError(file, `${file} has no feature tables; export the layer into it again.`);
    const chosen = opts.table === undefined ? (tables.length === 1 ? tables[0] : undefined) : tables.find((t) => t.name === opts.table);
    if (chosen === undefined) {
      throw new BundleError(
        file,
        opts.table === undefined
          ? `${file} holds ${tables.length} feature tables (${list}); name one in "table" in bundle.json.`
          : `${file} has no feature table '${opts.table}' (its tables are ${list}); fix "table" in bundle.json.`,
      );
    }
    const table = String(chosen.name);
    const geomColumn = String(chosen.geom);
    const crs = crsOf(file, db, Number(chosen.srs), opts.crsDeclared ?? false);
    const stmt = db.prepare(`SELECT * FROM ${quoteIdent(table)}`);
    const columns = stmt.getColumnNames().filter((c) => c !== geomColumn);
    const values: Record<string, RawValue[]> = Object.fromEntries(columns.map((c) => [c, []]));
    const geometry: (Geometry | null)[] = [];
    const rowErrors: (RejectReason | null)[] = [];
    let blobs = 0;
    while (stmt.step()) {
      const row = stmt.getAsObject();
      for (const c of columns) {
        const v = row[c];
        if (v instanceof Uint8Array) blobs++;
        values[c].push(v instanceof Uint8Array || v === undefined ? null : v);
      }
      const g = row[geomColumn];
      try {
        geometry.push(g instanceof Uint8Array ? gpkgGeometry(g) : null);
        rowErrors.push(null);
      } catch (err) {
        geometry.push(null);
        rowErrors.push(rejectReason('unreadable-geometry', { detail: err instanceof Error ? err.message : String(err) }));
      }
    }
    stmt.free();
    if (geometry.length === 0) throw new BundleError(file, `${file}: table '${table}' has no rows; export the layer again with its features.`);
    const notes = [`GeoPackage table '${table}' (of ${list}): ${geometry.length} features`];
    if (blobs > 0) notes.push(`${blobs} binary cell(s) other than the geometry left empty`);
    return { file, columns, values, geometry, rowErrors, rowCount: geometry.length, notes, ...(crs ? { declaredCrs: crs } : {}) };
  } finally {
    db.close();
  }
}
