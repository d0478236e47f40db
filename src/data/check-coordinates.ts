/**
 * Per-position checks that turn bad coordinates into one clear reject reason: out of range,
 * lat/lon that look swapped, or projected metres sitting in a degrees column.
 */
import type { CrsName } from './bundle-manifest.ts';
import { inCrsRange, WEB_MERCATOR_MAX } from '../geo/crs.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

export type CoordinateProblemKind = 'swapped' | 'projected' | 'range';

export interface CoordinateProblem {
  kind: CoordinateProblemKind;
  /** Which of the pair is at fault. */
  axis: 'lon' | 'lat';
  reason: RejectReason;
}

/** Values this far beyond ±180 cannot be degrees; they are metres of some projection. */
const PROJECTED_THRESHOLD = 1000;

export function coordinateProblem(x: number, y: number, crs: CrsName): CoordinateProblem | null {
  if (inCrsRange(x, y, crs)) return null;
  if (crs === 'epsg3857') {
    return {
      kind: 'range',
      axis: Math.abs(x) > WEB_MERCATOR_MAX ? 'lon' : 'lat',
      reason: rejectReason('mercator-range', { metres: Math.round(WEB_MERCATOR_MAX) }),
    };
  }
  if (Math.abs(x) > PROJECTED_THRESHOLD || Math.abs(y) > PROJECTED_THRESHOLD) {
    return { kind: 'projected', axis: Math.abs(x) > PROJECTED_THRESHOLD ? 'lon' : 'lat', reason: rejectReason('projected-metres') };
  }
  if (Math.abs(y) > 90 && Math.abs(y) <= 180 && Math.abs(x) <= 90) {
    return {
      kind: 'swapped',
      axis: 'lat',
      reason: rejectReason('swapped-pair', { latitude: y }),
    };
  }
  return Math.abs(x) > 180
    ? { kind: 'range', axis: 'lon', reason: rejectReason('longitude-range', { longitude: x }) }
    : { kind: 'range', axis: 'lat', reason: rejectReason('latitude-range', { latitude: y }) };
}
