/**
 * Turns a SiteKernel call into a job of plain typed arrays (grid index, sorted values, query order,
 * output) that the scans run over. Indexes are cached per source array, so a layer used by several
 * criteria (demand as sources of pop_1km, decayed_3km and Huff) is indexed once.
 */
import { buildGrid, gatherSorted, type PointGrid } from './grid.ts';
import type { Memory } from './memory.ts';
import { spatialOrder } from './query-order.ts';
import type { CandidatesJob, PressureJob } from './scan-huff.ts';
import type { NearestJob } from './scan-nearest.ts';
import type { SumWithinJob } from './scan-sum-within.ts';
import type { Decay, HuffParams, Points, WeightedPoints } from './types.ts';

export class JobBuilder {
  private readonly grids = new WeakMap<Float64Array, { lat: Float64Array; grid: PointGrid }>();

  constructor(private readonly memory: Memory) {}

  /** The index of a point set, built once per (lon, lat) array pair. Arrays must not be mutated afterwards. */
  grid(points: Points): PointGrid {
    const hit = this.grids.get(points.lon);
    if (hit && hit.lat === points.lat) return hit.grid;
    const grid = buildGrid(points, this.memory);
    this.grids.set(points.lon, { lat: points.lat, grid });
    return grid;
  }

  private queries(grid: PointGrid, queries: Points) {
    return {
      qLon: this.memory.share(queries.lon),
      qLat: this.memory.share(queries.lat),
      qOrder: spatialOrder(grid, queries, this.memory),
    };
  }

  sumWithin(queries: Points, sources: WeightedPoints, radius: number, decay: Decay): SumWithinJob {
    const grid = this.grid(sources);
    return { grid, weight: gatherSorted(grid, sources.weight, this.memory), ...this.queries(grid, queries),
      radius, decay, out: this.memory.f64(queries.lon.length) };
  }

  nearest(queries: Points, sources: Points): NearestJob {
    const grid = this.grid(sources);
    return { grid, ...this.queries(grid, queries), out: this.memory.f64(queries.lon.length) };
  }

  pressure(demand: Points, outlets: WeightedPoints, params: HuffParams): PressureJob {
    const grid = this.grid(outlets);
    return { grid, weight: gatherSorted(grid, outlets.weight, this.memory), ...this.queries(grid, demand),
      params, out: this.memory.f64(demand.lon.length) };
  }

  candidates(candidates: WeightedPoints, demand: WeightedPoints, total: Float64Array, own: Float64Array,
    params: HuffParams): CandidatesJob {
    const grid = this.grid(demand);
    const n = candidates.lon.length;
    return {
      grid,
      weight: gatherSorted(grid, demand.weight, this.memory),
      total: gatherSorted(grid, total, this.memory),
      ownShare: own.some((o) => o !== 0) ? gatherSorted(grid, ownShareOf(demand.weight, total, own), this.memory) : null,
      ...this.queries(grid, candidates),
      qWeight: this.memory.share(candidates.weight),
      params,
      capture: this.memory.f64(n),
      cannibalisation: this.memory.f64(n),
    };
  }
}

/** w_i·O_i/S_i, 0 where S_i = 0 (no outlet reaches the point: nothing to lose). */
function ownShareOf(weight: Float64Array, total: Float64Array, own: Float64Array): Float64Array {
  return weight.map((w, i) => (total[i] > 0 ? (w * own[i]) / total[i] : 0));
}
