/** The report's list of candidates outside the study area (score/outside-study-area.ts): never compared. */
import { formatNumber } from '../format/number.ts';
import type { FunnelResult } from '../score/types.ts';
import { td, th } from './html.ts';

/** Rows listed at most; the rest are counted. */
const MAX_ROWS = 200;

export function outsideTable(result: FunnelResult): string {
  const outside = result.outside;
  if (!outside || outside.ids.length === 0) return '';
  const n = outside.ids.length;
  const rows = outside.ids.slice(0, MAX_ROWS).map((id, k) => `<tr>${td(id)}${td(outside.reasons[k])}</tr>`).join('\n');
  const more = n > MAX_ROWS ? `<p class="note">… and ${formatNumber(n - MAX_ROWS)} more.</p>` : '';
  return `<h3>Candidates not compared</h3>
<p>${formatNumber(n)} candidate${n === 1 ? ' lies' : 's lie'} outside the study area (every region of the bundle, or every district, where the funnel's sites must lie) and ${n === 1 ? 'was' : 'were'} not scored.</p>
<div class="table-wrap"><table id="table-outside"><thead><tr>${th('candidate')}${th('reason')}</tr></thead><tbody>
${rows}
</tbody></table></div>${more}`;
}
