/**
 * Constraints a planner sets on chosen sites (DESIGN §4) that do not depend on the ranking: minimum
 * distance to own outlets, limits on attributes (maximum rent, minimum floor area), excluded areas. The ones that do (spacing
 * between chosen sites, top N per region) are applied while keeping, best first (keep.ts).
 */
import type { PointLayer } from '../data/layer.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import type { Points, SiteKernel } from '../kernel/types.ts';
import type { Constraints } from '../scenario/scenario.ts';

export interface Eligibility {
  eligible: Uint8Array;
  /** Per site: the first constraint it fails, '' when eligible. */
  excludedBy: string[];
}

export async function checkConstraints(kernel: SiteKernel, sites: PointLayer, own: Points, constraints: Constraints, signal?: AbortSignal): Promise<Eligibility> {
  const n = sites.ids.length;
  const excludedBy = Array<string>(n).fill('');
  const fail = (i: number, reason: string) => {
    if (excludedBy[i] === '') excludedBy[i] = reason;
  };
  if (constraints.minDistanceToOwn !== undefined && own.lon.length > 0) {
    const nearest = await kernel.nearest(sites, own, signal);
    for (let i = 0; i < n; i++) if (nearest[i] < constraints.minDistanceToOwn) fail(i, `${Math.round(nearest[i])} m from an own outlet (minimum ${constraints.minDistanceToOwn} m)`);
  }
  for (const [column, max] of Object.entries(constraints.maxAttribute ?? {})) {
    const values = sites.numeric[column];
    for (let i = 0; i < n; i++) {
      const v = values ? values[i] : NaN;
      if (!(v <= max)) fail(i, Number.isNaN(v) ? `no ${column} value (maximum ${max})` : `${column} ${v} above the maximum ${max}`);
    }
  }
  for (const [column, min] of Object.entries(constraints.minAttribute ?? {})) {
    const values = sites.numeric[column];
    for (let i = 0; i < n; i++) {
      const v = values ? values[i] : NaN;
      if (!(v >= min)) fail(i, Number.isNaN(v) ? `no ${column} value (minimum ${min})` : `${column} ${v} below the minimum ${min}`);
    }
  }
  if (constraints.excludedAreas?.length) {
    const inside = assignPointsToPolygons(sites.lon, sites.lat, constraints.excludedAreas);
    for (let i = 0; i < n; i++) if (inside[i] >= 0) fail(i, `inside excluded area ${inside[i] + 1}`);
  }
  return { eligible: Uint8Array.from(excludedBy, (r) => (r === '' ? 1 : 0)), excludedBy };
}
