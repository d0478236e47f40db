/**
 * Per-position checks that turn bad coordinates into one clear reject reason: out of range,
 * lat/lon that look swapped, or projected metres sitting in a degrees column.
 */
import type { CrsName } from './bundle-manifest.ts';
import { inCrsRange, WEB_MERCATOR_MAX } from '../geo/crs.ts';

export type CoordinateProblemKind = 'swapped' | 'projected' | 'range';

export interface CoordinateProblem {
  kind: CoordinateProblemKind;
  /** Which of the pair is at fault. */
  axis: 'lon' | 'lat';
  reason: string;
}

export const PROJECTED_REASON =
  'looks like projected metres, not degrees: if these are web-mercator (EPSG:3857) set "crs": "epsg3857" for this file in bundle.json';

/** Values this far beyond ±180 cannot be degrees; they are metres of some projection. */
const PROJECTED_THRESHOLD = 1000;

export function coordinateProblem(x: number, y: number, crs: CrsName): CoordinateProblem | null {
  if (inCrsRange(x, y, crs)) return null;
  if (crs === 'epsg3857') {
    return {
      kind: 'range',
      axis: Math.abs(x) > WEB_MERCATOR_MAX ? 'lon' : 'lat',
      reason: `outside the EPSG:3857 range (±${Math.round(WEB_MERCATOR_MAX)} m)`,
    };
  }
  if (Math.abs(x) > PROJECTED_THRESHOLD || Math.abs(y) > PROJECTED_THRESHOLD) {
    return { kind: 'projected', axis: Math.abs(x) > PROJECTED_THRESHOLD ? 'lon' : 'lat', reason: PROJECTED_REASON };
  }
  if (Math.abs(y) > 90 && Math.abs(y) <= 180 && Math.abs(x) <= 90) {
    return {
      kind: 'swapped',
      axis: 'lat',
      reason: `lat/lon look swapped: latitude ${y} is outside ±90 but the pair is valid the other way round`,
    };
  }
  return Math.abs(x) > 180
    ? { kind: 'range', axis: 'lon', reason: `longitude ${x} is outside ±180` }
    : { kind: 'range', axis: 'lat', reason: `latitude ${y} is outside ±90` };
}
