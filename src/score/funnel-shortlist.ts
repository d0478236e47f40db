/**
 * The funnel's shortlist: every kept site across all districts, best first, with its district and
 * region and its rank overall, in its district and in its region. The page's Shortlist view and
 * `siteselect report` both list this.
 */
import { notKeptReasons, type LevelReasons } from './not-kept.ts';
import { rankOrder, rankWithinGroups } from './rank-order.ts';
import type { FunnelResult, LevelResult } from './types.ts';

export interface ShortlistEntry {
  /** Index into the sites level. */
  site: number;
  id: string;
  name: string;
  region: string;
  district: string;
  score: number;
  rank: number;
  rankInDistrict: number;
  rankInRegion: number;
}

/** Where each site sits: its district and region positions in the funnel's levels (-1 none). */
export function siteParents(result: FunnelResult, sites: LevelResult = result.sites): { district: Int32Array; region: Int32Array } {
  const district = sites.parent;
  const region = Int32Array.from(district, (d) => (d >= 0 && d < result.districts.parent.length ? result.districts.parent[d] : -1));
  return { district, region };
}

/** Rank of every site overall, in its district and in its region (all 1-based). */
export function siteRanks(result: FunnelResult, sites: LevelResult = result.sites): { inDistrict: Int32Array; inRegion: Int32Array } {
  const { district, region } = siteParents(result, sites);
  return { inDistrict: rankWithinGroups(sites, district), inRegion: rankWithinGroups(sites, region) };
}

/** `sites` may be a re-ranked copy of result.sites (the page's sliders). */
export function funnelShortlist(result: FunnelResult, sites: LevelResult = result.sites): ShortlistEntry[] {
  const { district, region } = siteParents(result, sites);
  const ranks = siteRanks(result, sites);
  const nameOf = (level: LevelResult, i: number): string => (i >= 0 ? level.names[i] || level.ids[i] : '');
  return rankOrder(sites)
    .filter((i) => sites.kept[i] === 1)
    .map((i) => ({
      site: i,
      id: sites.ids[i],
      name: sites.names[i] || sites.ids[i],
      region: nameOf(result.regions, region[i]),
      district: nameOf(result.districts, district[i]),
      score: sites.score[i],
      rank: sites.rank[i],
      rankInDistrict: ranks.inDistrict[i],
      rankInRegion: ranks.inRegion[i],
    }));
}

/** Why each unit of a funnel level is not kept (null when kept); sites name their region quota's region. */
export function levelReasons(result: FunnelResult, level: LevelResult): LevelReasons {
  return notKeptReasons(level, level.level === 'site' ? result.regions.names : []);
}
