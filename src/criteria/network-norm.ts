/**
 * network_norm (DESIGN §3): residents per own outlet, to be compared with an industry norm
 * (direction "toward target", default 10 000). Site form: in the site's district after the site
 * opens; the areal form counts the planned outlet too (afterOpening), so the levels agree.
 */
import { sumByArea } from './demand.ts';

/** Residents per outlet per area; `extra` outlets are added (1 = after opening). 0 outlets → ∞. */
export function residentsPerOutlet(population: Float64Array, outletArea: Int32Array, outletWeight: Float64Array, extra: number): Float64Array {
  const outlets = sumByArea(outletArea, outletWeight, population.length);
  return population.map((p, a) => {
    const count = outlets[a] + extra;
    return count > 0 ? p / count : Number.isFinite(p) && p > 0 ? Infinity : NaN;
  });
}

/** Site form: its district's residents per outlet after it opens; outside every district → NaN. */
export function siteNetworkNorm(siteArea: Int32Array, perOutletAfterOpening: Float64Array): Float64Array {
  return Float64Array.from(siteArea, (a) => (a >= 0 ? perOutletAfterOpening[a] : NaN));
}
