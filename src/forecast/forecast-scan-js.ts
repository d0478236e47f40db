/**
 * One site's forecast sums in JavaScript: the same sums as the WebAssembly forecast scans
 * (src/kernel/wasm/forecast-wat.ts, which documents them), for engines without SIMD and for models
 * with more gradient columns than those take. Tests hold the two equal.
 */
import type { PointGrid } from '../kernel/grid.ts';
import { arcFromChordSq } from '../kernel/sphere.ts';
import type { ForecastColumns } from '../kernel/wasm/forecast-scan.ts';
import { TRANSFER_LANES } from '../kernel/wasm/transfers-wat.ts';
import type { DecayForm } from './model.ts';
import { distanceTerm } from './outlet-pairs.ts';

export interface SiteScan {
  grid: PointGrid;
  columns: ForecastColumns;
  decay: DecayForm;
  cutoff: number;
  floor: number;
  /** Written: w_i·P_i at every visited i, in the site's lane (TRANSFER_LANES per point, as the SIMD scans). */
  share: Float64Array;
  /** Written: the sums, 4 + gradient columns. */
  sums: Float64Array;
}

/** Sums over the first `spans` [begin, end) slices of `ranges` for a site at unit vector q. */
export function scanSiteJs(at: SiteScan, lane: number, ranges: Int32Array, spans: number, q: Float64Array, limit: number, e: number, coeff: number): Float64Array {
  const { grid, columns, share, sums, decay, cutoff, floor } = at;
  const { weight, ownWeight, total, gradients } = columns;
  const g = gradients.length;
  const xyz = grid.xyz;
  sums.fill(0);
  for (let r = 0; r < spans; r++) {
    for (let k = ranges[2 * r]; k < ranges[2 * r + 1]; k++) {
      const w = weight[k];
      const dx = xyz[3 * k] - q[0], dy = xyz[3 * k + 1] - q[1], dz = xyz[3 * k + 2] - q[2];
      const c2 = dx * dx + dy * dy + dz * dz;
      if (!(w > 0) || c2 > limit) { share[k * TRANSFER_LANES + lane] = 0; continue; }
      const d = distanceTerm(decay, Math.min(cutoff, arcFromChordSq(c2)), floor);
      const t = e * Math.exp(-coeff * d);
      const p = t / (total[k] + t);
      const ws = w * p, spread = ws * (1 - p);
      share[k * TRANSFER_LANES + lane] = ws;
      sums[0] += ws;
      sums[1] += ownWeight[k] * p;
      sums[2] += spread;
      sums[3] += spread * d;
      for (let c = 0; c < g; c++) sums[4 + c] += spread * gradients[c][k];
    }
  }
  return sums;
}
