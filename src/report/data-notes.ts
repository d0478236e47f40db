/** The report's closing notes: the scoring warnings and what each layer file contributed. */
import type { LoadedBundle } from '../data/layer.ts';
import { formatNumber } from '../format/number.ts';
import type { FunnelResult } from '../score/types.ts';
import { escapeHtml, td, th } from './html.ts';

export function warningsList(result: FunnelResult): string {
  const levelNotes = [result.regions, result.districts, result.sites].flatMap((l) => (l.warnings ?? []).map((w) => `${l.level}s: ${w}`));
  const all = [...(result.warnings ?? []), ...levelNotes];
  return all.length ? `<ul class="warnings">${all.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '<p>None.</p>';
}

export function layersTable(bundle: LoadedBundle): string {
  const head = [th('layer'), th('file'), th('read', true), th('loaded', true), th('rejected', true)].join('');
  const body = bundle.reports
    .map((r) => `<tr>${[td(r.layer), td(r.file), td(formatNumber(r.read), true), td(formatNumber(r.loaded), true), td(formatNumber(r.rejected), true)].join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table id="table-layers"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
