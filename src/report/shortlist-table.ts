/** The shortlist: every kept site across districts, best first, with where it is and its ranks. */
import { funnelShortlist } from '../score/funnel-shortlist.ts';
import type { FunnelResult } from '../score/types.ts';
import { formatScore } from './format-score.ts';
import { td, th } from './html.ts';

export function shortlistTable(result: FunnelResult): string {
  const entries = funnelShortlist(result);
  if (entries.length === 0) return '<p>No site is kept: the constraints or the cut left none.</p>';
  const head = [th('rank', true), th('id'), th('name'), th('region'), th('district'), th('score', true), th('rank in district', true), th('rank in region', true)].join('');
  const body = entries
    .map((e) => `<tr>${[td(String(e.rank), true), td(e.id), td(e.name), td(e.region), td(e.district), td(formatScore(e.score), true), td(String(e.rankInDistrict), true), td(String(e.rankInRegion), true)].join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table id="table-shortlist" class="ranked"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
