/**
 * Demand grouped into square cells of about `metres` a side: one point per occupied cell at the
 * weighted centroid of its demand, carrying the cell's total weight. A calibration's cost grows with
 * demand × outlets within the cut-off, and 1 M points over a city fall into ≈ 10⁵ cells of 100 m.
 * Why the fit barely moves: each outlet's total is Σ_i w_i·P_ij, a smooth function of i's position;
 * at the weighted centroid the first-order error cancels, leaving ≈ ½·∇²P·(cell offset)², which is
 * small wherever the nearest outlet lies a few cell widths away (the floor [50 m] caps the rest).
 * bench/README.md gives the measured parameter differences against ungrouped demand.
 */
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import type { WeightedPoints } from '../kernel/types.ts';

const DEG_PER_M = 180 / (Math.PI * EARTH_RADIUS_M);

export interface GroupedDemand extends WeightedPoints {
  /** Demand points that carried weight (non-finite coordinates and weights ≤ 0 are left out). */
  points: number;
  /** The cell of each input point (−1 for one left out): flows by origin are summed per cell with it. */
  cellOf: Int32Array;
}

export function groupDemand(demand: WeightedPoints, metres: number): GroupedDemand {
  if (!(metres > 0)) throw new RangeError(`invalid demand cell size: ${metres} m (give a positive number of metres)`);
  const { lon, lat, weight } = demand;
  let latMin = Infinity, latMax = -Infinity;
  for (let i = 0; i < lat.length; i++) {
    if (Number.isFinite(lat[i])) { latMin = Math.min(latMin, lat[i]); latMax = Math.max(latMax, lat[i]); }
  }
  const middle = Number.isFinite(latMin) ? Math.min(Math.abs((latMin + latMax) / 2), 89) : 0;
  const cellLat = metres * DEG_PER_M;
  const cellLon = cellLat / Math.cos((middle * Math.PI) / 180);
  // Cell key → slot; sums in slots (weight, weight·lon, weight·lat).
  const slotOf = new Map<number, number>();
  let sums = new Float64Array(3 * 1024);
  let slots = 0, points = 0;
  const cellOf = new Int32Array(lon.length).fill(-1);
  for (let i = 0; i < lon.length; i++) {
    const w = weight[i], x = lon[i], y = lat[i];
    if (!(w > 0) || !Number.isFinite(w) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    points++;
    // Columns wrap at 2²¹ cells (≈ 200 000 km at 100 m): keys stay exact doubles.
    const key = Math.floor(y / cellLat) * 2_097_152 + (Math.floor(x / cellLon) & 2_097_151);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = slots++;
      slotOf.set(key, slot);
      if (3 * slots > sums.length) { const wider = new Float64Array(2 * sums.length); wider.set(sums); sums = wider; }
    }
    cellOf[i] = slot;
    sums[3 * slot] += w;
    sums[3 * slot + 1] += w * x;
    sums[3 * slot + 2] += w * y;
  }
  const out: GroupedDemand = { lon: new Float64Array(slots), lat: new Float64Array(slots), weight: new Float64Array(slots), points, cellOf };
  for (let s = 0; s < slots; s++) {
    const w = sums[3 * s];
    out.weight[s] = w;
    out.lon[s] = sums[3 * s + 1] / w;
    out.lat[s] = sums[3 * s + 2] / w;
  }
  return out;
}
