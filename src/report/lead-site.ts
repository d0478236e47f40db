/**
 * Which site a summary leads with: the best site the funnel KEEPS (the shortlist's first), and,
 * when the best-scoring site is a different one, that site and why it is not kept, so "best" is
 * never read as "chosen". The report's summary line and breakdown and `siteselect report`'s output
 * all say it from here.
 */
import { formatNotKept } from '../score/format-not-kept.ts';
import { funnelShortlist, levelReasons } from '../score/funnel-shortlist.ts';
import { rankOrder } from '../score/rank-order.ts';
import type { FunnelResult } from '../score/types.ts';
import { formatScore } from './format-score.ts';

export interface SiteMention {
  /** Index into result.sites. */
  site: number;
  id: string;
  name: string;
  score: number;
}

export interface LeadSites {
  /** The best kept site; null when nothing is kept. */
  kept: SiteMention | null;
  /** The best-scoring site when it is not kept, with the reason in words; else null. */
  topNotKept: (SiteMention & { reason: string }) | null;
}

export function leadSites(result: FunnelResult): LeadSites {
  const sites = result.sites;
  const mention = (i: number): SiteMention => ({ site: i, id: sites.ids[i], name: sites.names[i] || sites.ids[i], score: sites.score[i] });
  const first = funnelShortlist(result)[0];
  const top = sites.ids.length ? rankOrder(sites)[0] : undefined;
  const topNotKept = top !== undefined && sites.kept[top] !== 1 ? { ...mention(top), reason: formatNotKept(levelReasons(result, sites).at(top)) || 'not kept' } : null;
  return { kept: first ? mention(first.site) : null, topNotKept };
}

const named = (s: SiteMention): string => `${s.id} ${s.name === s.id ? '' : `${s.name} `}(${formatScore(s.score)})`;

/** "Best kept site: C1236 144 Wharf Road Southwest (58.8)" and, when it applies, the top scorer's reason. */
export function leadSentences(lead: LeadSites): string[] {
  const out = [lead.kept ? `Best kept site: ${named(lead.kept)}.` : 'No site is kept.'];
  if (lead.topNotKept) out.push(`The top-scoring site, ${named(lead.topNotKept)}, is not kept: ${lead.topNotKept.reason}.`);
  return out;
}
