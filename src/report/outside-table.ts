/**
 * The report's candidates not compared: those outside the study area (score/outside-study-area.ts),
 * listed, and those in a region or district the funnel cut, counted (the page lists them one by one).
 */
import { formatNumber } from '../format/number.ts';
import type { FunnelResult } from '../score/types.ts';
import { td, th } from './html.ts';

/** Rows listed at most; the rest are counted. */
const MAX_ROWS = 200;

export function outsideTable(result: FunnelResult): string {
  const outside = result.outside;
  const unreached = unreachedSentence(result);
  if (!outside || outside.ids.length === 0) return unreached ? `<h3>Candidates not compared</h3>\n${unreached}` : '';
  const n = outside.ids.length;
  const rows = outside.ids.slice(0, MAX_ROWS).map((id, k) => `<tr>${td(id)}${td(outside.reasons[k])}</tr>`).join('\n');
  const more = n > MAX_ROWS ? `<p class="note">… and ${formatNumber(n - MAX_ROWS)} more.</p>` : '';
  return `<h3>Candidates not compared</h3>
${unreached}<p>${formatNumber(n)} candidate${n === 1 ? ' lies' : 's lie'} outside the study area (every region of the bundle, or every district, where the funnel's sites must lie) and ${n === 1 ? 'was' : 'were'} not scored.</p>
<div class="table-wrap"><table id="table-outside"><thead><tr>${th('candidate')}${th('reason')}</tr></thead><tbody>
${rows}
</tbody></table></div>${more}`;
}

/** "760 candidates lie in regions the funnel cut and 665 in districts it cut: not scored." ('' none) */
function unreachedSentence(result: FunnelResult): string {
  const u = result.unreached;
  if (!u || u.ids.length === 0) return '';
  const inRegions = u.district.filter((d) => d < 0).length;
  const inDistricts = u.ids.length - inRegions;
  const parts = [
    ...(inRegions > 0 ? [`${formatNumber(inRegions)} in regions the funnel cut`] : []),
    ...(inDistricts > 0 ? [`${formatNumber(inDistricts)} in districts it cut`] : []),
  ];
  return `<p id="unreached">${formatNumber(u.ids.length)} candidate${u.ids.length === 1 ? ' lies' : 's lie'} ${parts.join(' and ')}: not scored (the workbench lists each with its reason and downloads them as CSV).</p>\n`;
}
