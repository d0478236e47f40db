/**
 * What every file reader produces before validation: the columns as read, one entry per data
 * record, plus a geometry per record for formats that carry one (GeoJSON, WKT, Parquet/Arrow with
 * lon/lat are still plain columns). `toLayer` turns this into a typed layer and its rejects.
 */
import type { Geometry } from 'geojson';
import type { RejectReason } from '../reject-reason.ts';

export type RawValue = string | number | boolean | null;

export interface RawTable {
  /** The file name as the user knows it (path relative to the bundle, or the dropped file's name). */
  file: string;
  columns: string[];
  values: Record<string, RawValue[]>;
  /** Present when the format carries geometry; null where a record has none or it is unreadable. */
  geometry?: (Geometry | null)[];
  /** Per-record geometry problems found while reading (index-aligned with records), if any. */
  geometryErrors?: (string | null)[];
  /** Per-record shape problems (a CSV record with the wrong field count, a truncated record), if any. */
  rowErrors?: (RejectReason | null)[];
  rowCount: number;
  notes: string[];
  /** A coordinate system the file itself declares (legacy GeoJSON "crs"), used when the manifest names none. */
  declaredCrs?: 'wgs84' | 'epsg3857';
}
