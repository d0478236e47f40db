/**
 * Constraints a planner sets on chosen sites (DESIGN §4) that do not depend on the ranking: minimum
 * distance to own outlets, limits on attributes (maximum rent, minimum floor area), excluded areas,
 * the SQL filter (run by the caller's DuckDB: db/site-filter.ts). The ones that do (spacing
 * between chosen sites, top N per region) are applied while keeping, best first (keep.ts).
 */
import { UsageError } from '../errors.ts';
import type { PointLayer } from '../data/layer.ts';
import type { Database } from '../db/database.ts';
import { siteFilterFailures } from '../db/site-filter.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import { haversine } from '../geo/haversine.ts';
import type { Points, SiteKernel } from '../kernel/types.ts';
import type { Constraints } from '../scenario/scenario.ts';
import { formatNotKept } from './format-not-kept.ts';
import type { Exclusion } from './not-kept.ts';

export interface Eligibility {
  eligible: Uint8Array;
  /** Per site: the first constraint it fails, in words; '' when eligible. */
  excludedBy: string[];
  /** The same as values; null when eligible. */
  exclusions: (Exclusion | null)[];
}

export interface ConstraintOptions {
  signal?: AbortSignal;
  /** Names the own outlets (same order as `own`) in a distance reason. */
  ownNames?: readonly string[];
  /** Runs the scenario's SQL filter; needed only when the scenario has one. */
  database?: Database;
}

export async function checkConstraints(kernel: SiteKernel, sites: PointLayer, own: Points, constraints: Constraints, { signal, ownNames = [], database }: ConstraintOptions = {}): Promise<Eligibility> {
  const n = sites.ids.length;
  const exclusions = Array<Exclusion | null>(n).fill(null);
  const fail = (i: number, reason: () => Exclusion) => {
    if (exclusions[i] === null) exclusions[i] = reason();
  };
  const minimum = constraints.minDistanceToOwn;
  if (minimum !== undefined && own.lon.length > 0) {
    const nearest = await kernel.nearest(sites, own, signal);
    for (let i = 0; i < n; i++) {
      if (nearest[i] < minimum) fail(i, () => ({ kind: 'near-own', metres: nearest[i], outlet: ownNames[nearestIndex(own, sites.lon[i], sites.lat[i])] ?? '', minimum }));
    }
  }
  for (const [column, max] of Object.entries(constraints.maxAttribute ?? {})) {
    const values = sites.numeric[column];
    for (let i = 0; i < n; i++) {
      const value = values ? values[i] : NaN;
      if (!(value <= max)) fail(i, () => (Number.isNaN(value) ? { kind: 'no-value', column, bound: 'maximum', limit: max } : { kind: 'above-max', column, value, maximum: max }));
    }
  }
  for (const [column, min] of Object.entries(constraints.minAttribute ?? {})) {
    const values = sites.numeric[column];
    for (let i = 0; i < n; i++) {
      const value = values ? values[i] : NaN;
      if (!(value >= min)) fail(i, () => (Number.isNaN(value) ? { kind: 'no-value', column, bound: 'minimum', limit: min } : { kind: 'below-min', column, value, minimum: min }));
    }
  }
  if (constraints.excludedAreas?.length) {
    const inside = assignPointsToPolygons(sites.lon, sites.lat, constraints.excludedAreas);
    for (let i = 0; i < n; i++) if (inside[i] >= 0) fail(i, () => ({ kind: 'excluded-area', area: inside[i] + 1 }));
  }
  const predicate = constraints.filter;
  if (predicate !== undefined) {
    if (!database) throw new UsageError(`the scenario's SQL filter (constraints.filter "${predicate}") needs DuckDB to run: pass a database with the scoring options`);
    const failed = await siteFilterFailures(database, predicate, sites);
    for (let i = 0; i < n; i++) if (failed[i]) fail(i, () => ({ kind: 'filtered', predicate: predicate.trim() }));
  }
  return {
    eligible: Uint8Array.from(exclusions, (r) => (r === null ? 1 : 0)),
    excludedBy: exclusions.map((r) => formatNotKept(r)),
    exclusions,
  };
}

/** The own outlet nearest a point (only asked for the few sites that fail the distance test). */
function nearestIndex(own: Points, lon: number, lat: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let j = 0; j < own.lon.length; j++) {
    const d = haversine(own.lon[j], own.lat[j], lon, lat);
    if (d < bestD) [best, bestD] = [j, d];
  }
  return best;
}
