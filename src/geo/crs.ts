/**
 * Input coordinate systems → WGS84 lon/lat, through gcoord (GCJ-02 and BD-09 are the obfuscated
 * systems of Chinese map providers; EPSG:3857 is web-mercator metres). Conversions are in place on
 * column arrays so a million points cost no per-point objects beyond gcoord's own.
 */
import gcoord from 'gcoord';
import type { CrsName } from '../data/bundle-manifest.ts';

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
  epsg3857: gcoord.EPSG3857,
} as const;

/** Largest |x| or |y| of web-mercator metres (the projection of ±180°, ±85.05°). */
export const WEB_MERCATOR_MAX = 20037508.342789244;

/** One position from `crs` to WGS84. */
export function toWgs84(lon: number, lat: number, crs: CrsName): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const out = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [out[0], out[1]];
}

/** Converts lon/lat arrays in place from `crs` to WGS84. */
export function convertColumnsToWgs84(lon: Float64Array, lat: Float64Array, crs: CrsName): void {
  if (crs === 'wgs84') return;
  for (let i = 0; i < lon.length; i++) {
    const [x, y] = toWgs84(lon[i], lat[i], crs);
    lon[i] = x;
    lat[i] = y;
  }
}

/** Is (x, y) a plausible position in `crs` before conversion? Degrees for the lon/lat systems, metres for EPSG:3857. */
export function inCrsRange(x: number, y: number, crs: CrsName): boolean {
  if (crs === 'epsg3857') return Math.abs(x) <= WEB_MERCATOR_MAX * 1.0001 && Math.abs(y) <= WEB_MERCATOR_MAX * 1.5;
  return Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

export const CRS_LABEL: Record<CrsName, string> = {
  wgs84: 'WGS84',
  gcj02: 'GCJ-02',
  bd09: 'BD-09',
  epsg3857: 'EPSG:3857',
};
