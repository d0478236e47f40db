/**
 * The demand–outlet pairs within the Huff cut-off, found once with the kernel's grid index and kept
 * demand-major (in the demand grid's sorted order), so a calibration iterates over the pairs rather
 * than over distances. Each pair keeps its outlet and its distance term D: log max(d, floor) for a
 * power decay (u ∝ e^−βD) or d in metres for an exponential one (u ∝ e^−D/λ).
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import { circleRanges, rangesCapacity } from '../kernel/circle-ranges.ts';
import type { PointGrid } from '../kernel/grid.ts';
import { arcFromChordSq, chordSqOfArc, unitVector } from '../kernel/sphere.ts';
import type { Points } from '../kernel/types.ts';
import type { DecayForm } from './model.ts';

export interface OutletPairs {
  /** Pairs of sorted demand point k are start[k] … start[k+1]-1. */
  start: Int32Array;
  outlet: Int32Array;
  term: Float32Array;
}

/** The distance term D of one distance. */
export function distanceTerm(decay: DecayForm, metres: number, floor: number): number {
  return decay === 'power' ? Math.log(Math.max(metres, floor)) : metres;
}

/**
 * Pairs of every outlet with the demand points within `cutoff`; `keep` (by sorted demand index)
 * skips demand that no pair is wanted for (no weight, or out of reach of the own network).
 */
export function outletPairs(grid: PointGrid, outlets: Points, cutoff: number, floor: number, decay: DecayForm, keep?: Uint8Array, signal?: AbortSignal): OutletPairs {
  const n = grid.order.length;
  const start = new Int32Array(n + 1);
  const ranges = new Int32Array(2 * rangesCapacity(grid));
  const limit = chordSqOfArc(cutoff);
  const rho = cutoff / EARTH_RADIUS_M;
  const q = new Float64Array(3);
  const visit = (j: number, found: (k: number, chordSq: number) => void): void => {
    const lon = outlets.lon[j], lat = outlets.lat[j];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    unitVector(lon, lat, q, 0);
    const count = circleRanges(grid, lon, lat, rho, ranges);
    const xyz = grid.xyz;
    for (let r = 0; r < count; r++) {
      for (let k = ranges[2 * r]; k < ranges[2 * r + 1]; k++) {
        if (keep && keep[k] === 0) continue;
        const dx = xyz[3 * k] - q[0], dy = xyz[3 * k + 1] - q[1], dz = xyz[3 * k + 2] - q[2];
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 <= limit) found(k, c2);
      }
    }
  };
  const m = outlets.lon.length;
  // Two passes (count, then fill) so the arrays are allocated once at their exact size.
  for (let j = 0; j < m; j++) {
    if ((j & 63) === 0) signal?.throwIfAborted();
    visit(j, (k) => { start[k + 1]++; });
  }
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const outlet = new Int32Array(start[n]);
  const term = new Float32Array(start[n]);
  for (let j = 0; j < m; j++) {
    if ((j & 63) === 0) signal?.throwIfAborted();
    visit(j, (k, c2) => {
      const at = fill[k]++;
      outlet[at] = j;
      term[at] = distanceTerm(decay, Math.min(cutoff, arcFromChordSq(c2)), floor);
    });
  }
  return { start, outlet, term };
}
