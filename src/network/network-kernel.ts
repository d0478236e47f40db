/**
 * The SiteKernel contract over a street network instead of great circles: the criteria call the
 * same four operations and get travel costs (minutes or metres, the criterion's unit) in place of
 * haversine metres. Costs run from the customer to the outlet (one-way streets matter when
 * driving): each site's search is rooted at the site and runs against the edges. Points farther
 * than the snap limit from every street count as out of reach, and are counted in `unsnapped`.
 */
import { decayWeight } from '../kernel/scan-sum-within.ts';
import type { HuffCandidateResult, Points, SiteKernel } from '../kernel/types.ts';
import { eachCost } from './cost-matrix.ts';
import { DEFAULT_SNAP_LIMIT, type Router } from './router.ts';
import type { SnappedPoints } from './snap.ts';

export interface NetworkKernel extends SiteKernel {
  /** Query points (sites) and source points (demand, outlets) that could not be snapped, by layer size. */
  readonly unsnapped: { points: number; of: number }[];
}

/** `scale` turns router costs (seconds or metres) into the criterion's unit (minutes or metres). */
export function networkKernel(router: Router, scale: number, snapLimit = DEFAULT_SNAP_LIMIT): NetworkKernel {
  const snapped = new WeakMap<Float64Array, SnappedPoints>();
  const unsnapped: { points: number; of: number }[] = [];
  const snap = (p: Points): SnappedPoints => {
    let s = snapped.get(p.lon);
    if (!s) {
      s = router.snap(p, snapLimit);
      snapped.set(p.lon, s);
      if (s.unsnapped.length > 0) unsnapped.push({ points: s.unsnapped.length, of: p.lon.length });
    }
    return s;
  };
  /** visit(site i, point j, cost in the unit) for points within `limit` (unit) of the site, travelling to it. */
  const pairs = (sites: Points, points: Points, limit: number, signal: AbortSignal | undefined, visit: (i: number, j: number, d: number) => void): void => {
    eachCost(router, snap(sites), snap(points), { max: limit / scale, direction: 'to', signal }, (i, j, c) => visit(i, j, c * scale));
  };
  /** Sites that did not snap get NaN: no value, rather than a zero that would rank them. */
  const markUnsnapped = (sites: Points, out: Float64Array): Float64Array => {
    for (const i of snap(sites).unsnapped) out[i] = NaN;
    return out;
  };
  return {
    unsnapped,
    sumWithin(queries, sources, radius, decay, signal) {
      const out = new Float64Array(queries.lon.length);
      pairs(queries, sources, radius, signal, (i, j, d) => (out[i] += sources.weight[j] * decayWeight(decay, d, radius)));
      return Promise.resolve(markUnsnapped(queries, out));
    },
    nearest(queries, sources, signal) {
      signal?.throwIfAborted();
      const out = new Float64Array(queries.lon.length).fill(Infinity);
      const s = snap(sources);
      const q = snap(queries);
      // One search rooted at every source at once: each node's cost to its nearest source.
      const search = router.reachFrom(s, Int32Array.from(s.segment.keys()), Infinity, 'to');
      for (let i = 0; i < out.length; i++) out[i] = router.costAt(search, 'to', null, 0, q, i) * scale;
      return Promise.resolve(markUnsnapped(queries, out));
    },
    huffPressure(demand, outlets, params, signal) {
      const out = new Float64Array(demand.lon.length);
      pairs(outlets, demand, params.cutoff, signal, (k, i, d) => (out[i] += outlets.weight[k] * Math.pow(Math.max(d, params.floor), -params.beta)));
      return Promise.resolve(out);
    },
    huffCandidates(candidates, demand, totalPressure, ownPressure, params, signal) {
      const capture = new Float64Array(candidates.lon.length);
      const cannibalisation = new Float64Array(candidates.lon.length);
      pairs(candidates, demand, params.cutoff, signal, (c, i, d) => {
        const t = candidates.weight[c] * Math.pow(Math.max(d, params.floor), -params.beta);
        const s = totalPressure[i];
        capture[c] += (demand.weight[i] * t) / (s + t);
        if (s > 0) cannibalisation[c] += demand.weight[i] * ownPressure[i] * (1 / s - 1 / (s + t));
      });
      const result: HuffCandidateResult = { capture: markUnsnapped(candidates, capture), cannibalisation: markUnsnapped(candidates, cannibalisation) };
      return Promise.resolve(result);
    },
  };
}
