/**
 * The one rule for candidate sites outside the study area, shared by the funnel (and so `report` and
 * the page) and `score`: the study area is the union of the regions, or of the districts when the
 * bundle has no regions (no polygon layer: everywhere). A site outside is not scored, ranked or
 * kept; it is listed with its reason and counted, in the same words everywhere. The funnel also
 * needs a district for every site when the bundle has districts (its levels nest), so there a site
 * inside a region but in no district is listed too, as outside every district.
 */
import type { LoadedBundle } from '../data/layer.ts';

export type OutsideReason = 'outside every region' | 'outside every district';

/** Sites not compared: their positions in the sites given, and why. */
export interface OutsideSites {
  index: number[];
  reasons: OutsideReason[];
}

/**
 * Per site, why it is not compared; `district` and `region` are the sites' containers (-1 none),
 * the region through the district where there is one (locateSites, linkBundle). `nested`: the
 * funnel's rule, where a site must also lie in a district when the bundle has districts.
 */
export function outsideStudyArea(bundle: Pick<LoadedBundle, 'regions' | 'districts'>, district: Int32Array, region: Int32Array, nested = false): OutsideSites {
  const out: OutsideSites = { index: [], reasons: [] };
  const needsDistrict = bundle.districts !== undefined && (nested || bundle.regions === undefined);
  for (let i = 0; i < district.length; i++) {
    const reason = bundle.regions && region[i] < 0 ? 'outside every region' : needsDistrict && district[i] < 0 ? 'outside every district' : undefined;
    if (reason === undefined) continue;
    out.index.push(i);
    out.reasons.push(reason);
  }
  return out;
}

/** One note per reason, e.g. "2 candidates lie outside every region and were not compared". */
export function outsideNotes(outside: Pick<OutsideSites, 'reasons'>): string[] {
  const counts = new Map<OutsideReason, number>();
  for (const r of outside.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => (n > 1 ? `${n} candidates lie ${reason} and were not compared` : `1 candidate lies ${reason} and was not compared`));
}
