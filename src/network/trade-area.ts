/**
 * Trade areas over the street network: for a site, the area from which it is reached within each
 * threshold (minutes or metres), drawn as polygons, with the demand, competitors and own outlets
 * that reach it. Method: one bounded search rooted at the site (travel towards it); every street
 * it reached is sampled onto a grid of `cell`-metre squares holding the least cost to the site;
 * from the street, a short walk (up to `walkOff` metres, at the profile's off-network speed) fills
 * the blocks between streets; d3's marching squares then trace each threshold. The counts come
 * from the same costs (a point is inside when it reaches the site within the threshold), not
 * from point-in-polygon, so the numbers and the criteria agree.
 */
import { contours } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { EARTH_RADIUS_M } from '../geo/haversine.ts';
import type { Points, WeightedPoints } from '../kernel/types.ts';
import { eachCost } from './cost-matrix.ts';
import type { Router } from './router.ts';

const RAD = Math.PI / 180;

export interface TradeAreaInput {
  site: { lon: number; lat: number };
  /** Ascending thresholds in the unit (minutes when the router counts time, else metres). */
  thresholds: number[];
  demand?: WeightedPoints;
  competitors?: Points;
  own?: Points;
  /** Grid cell, metres [25]. */
  cell?: number;
  /** How far from a street the area reaches on foot, metres [100]. */
  walkOff?: number;
  snapLimit?: number;
}

export interface TradeAreaProperties {
  threshold: number;
  unit: 'minutes' | 'metres';
  profile: string;
  demand: number;
  competitors: number;
  own_outlets: number;
}

function reachCounts(router: Router, input: TradeAreaInput, max: number, scale: number): { demand: Float64Array; competitors: Float64Array; own: Float64Array } {
  const site = router.snap({ lon: Float64Array.of(input.site.lon), lat: Float64Array.of(input.site.lat) }, input.snapLimit);
  const count = (points: Points | undefined, weight?: Float64Array): Float64Array => {
    const out = new Float64Array(input.thresholds.length);
    if (!points) return out;
    eachCost(router, site, router.snap(points, input.snapLimit), { max, direction: 'to' }, (_i, j, cost) => {
      for (let k = 0; k < input.thresholds.length; k++) if (cost * scale <= input.thresholds[k]) out[k] += weight ? weight[j] : 1;
    });
    return out;
  };
  return { demand: count(input.demand, input.demand?.weight), competitors: count(input.competitors), own: count(input.own) };
}

/** One polygon feature per threshold (empty when the site lies beyond the snap limit of every street). */
export function tradeAreas(router: Router, input: TradeAreaInput): FeatureCollection<MultiPolygon, TradeAreaProperties> {
  const scale = router.metric === 'time' ? 1 / 60 : 1;
  const unit = router.metric === 'time' ? 'minutes' : 'metres';
  const thresholds = [...input.thresholds].sort((x, y) => x - y);
  const max = thresholds[thresholds.length - 1] / scale;
  const cell = input.cell ?? 25;
  const walkOff = input.walkOff ?? 100;
  const { graph } = router;
  const site = router.snap({ lon: Float64Array.of(input.site.lon), lat: Float64Array.of(input.site.lat) }, input.snapLimit);
  const search = router.reach(site, 0, max, 'to');
  const { dist } = search;
  // The grid: a local plane around the site, wide enough for every reached node and the walk-off.
  const kx = Math.cos(input.site.lat * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  let minX = input.site.lon * kx, maxX = minX, minY = input.site.lat * ky, maxY = minY;
  // Reached nodes, and the ends of the site's own street (reached along it even when its ends are not).
  const own = site.segment[0] < 0 ? [] : [graph.segments.a[site.segment[0]], graph.segments.b[site.segment[0]]];
  for (let k = -own.length; k < search.touchedCount; k++) {
    const v = k < 0 ? own[k + own.length] : search.touched[k];
    if (k >= 0 && dist[v] > max) continue;
    const x = graph.nodeLon[v] * kx, y = graph.nodeLat[v] * ky;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const margin = walkOff + 2 * cell;
  minX -= margin; minY -= margin; maxX += margin; maxY += margin;
  const nx = Math.ceil((maxX - minX) / cell) + 1;
  const ny = Math.ceil((maxY - minY) / cell) + 1;
  const grid = new Float64Array(nx * ny).fill(Infinity);
  const put = (x: number, y: number, cost: number): void => {
    const c = Math.round((x - minX) / cell), r = Math.round((y - minY) / cell);
    const at = r * nx + c;
    if (cost < grid[at]) grid[at] = cost;
  };
  // Streets: sample each reached segment every half cell, cost towards the site at each sample.
  const { a, b, dir } = graph.segments;
  const siteOff = site.segment[0] < 0 ? Infinity : site.offset[0] * router.offFactor;
  const segCost = router.metric === 'time' ? graph.segments.time : graph.segments.length;
  for (let s = 0; s < a.length; s++) {
    const da = dist[a[s]], db = dist[b[s]];
    if (!(da <= max) && !(db <= max) && s !== site.segment[0]) continue;
    const ax = graph.nodeLon[a[s]] * kx, ay = graph.nodeLat[a[s]] * ky;
    const bx = graph.nodeLon[b[s]] * kx, by = graph.nodeLat[b[s]] * ky;
    const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / (cell / 2)));
    for (let k = 0; k <= steps; k++) {
      const f = k / steps;
      // From the sample to a runs against the segment (allowed unless one-way a → b), to b along it.
      const viaA = dir[s] <= 0 ? da + f * segCost[s] : Infinity;
      const viaB = dir[s] >= 0 ? db + (1 - f) * segCost[s] : Infinity;
      let cost = Math.min(viaA, viaB);
      // The site's own street: straight along it to the site, not out to an end and back.
      if (s === site.segment[0]) {
        const ts = site.t[0];
        if (f <= ts ? dir[s] >= 0 : dir[s] <= 0) cost = Math.min(cost, siteOff + Math.abs(ts - f) * segCost[s]);
      }
      if (cost <= max) put(ax + f * (bx - ax), ay + f * (by - ay), cost);
    }
  }
  // The walk off the street: min-plus passes over the 8 neighbours (a chamfer distance).
  const stepCost = cell * router.offFactor;
  const passes = Math.ceil(walkOff / cell);
  for (let p = 0; p < passes; p++) {
    const next = grid.slice();
    for (let r = 1; r < ny - 1; r++) {
      for (let c = 1; c < nx - 1; c++) {
        const at = r * nx + c;
        let best = next[at];
        for (let dr = -1; dr <= 1; dr++) {
          for (let dc = -1; dc <= 1; dc++) {
            const v = grid[at + dr * nx + dc] + (dr !== 0 && dc !== 0 ? Math.SQRT2 : 1) * stepCost;
            if (v < best) best = v;
          }
        }
        next[at] = best;
      }
    }
    grid.set(next);
  }
  // d3 traces value ≥ threshold: trace −cost ≥ −T.
  const values = Array.from(grid, (v) => (v <= max * 2 ? -v : -1e12));
  const tracer = contours().size([nx, ny]);
  const traced = thresholds.map((t) => tracer.contour(values, -t / scale));
  const counts = reachCounts(router, { ...input, thresholds }, max, scale);
  const features: Feature<MultiPolygon, TradeAreaProperties>[] = thresholds.map((threshold, k) => {
    const coordinates = site.segment[0] < 0 ? [] : traced[k].coordinates.map((poly) => poly.map((ring) => ring.map(([x, y]) => [
      Number(((minX + (x - 0.5) * cell) / kx).toFixed(7)),
      Number(((minY + (y - 0.5) * cell) / ky).toFixed(7)),
    ])));
    return {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates },
      properties: { threshold, unit, profile: graph.profile.name, demand: counts.demand[k], competitors: counts.competitors[k], own_outlets: counts.own[k] },
    };
  });
  return { type: 'FeatureCollection', features };
}
