/**
 * A level as its ranking (DESIGN §4's funnel table): rank, id, name, the unit above, score, kept;
 * best first. Long levels are cut at `maxRows`, and the cut is said under the table.
 */
import { formatNumber } from '../notebook/format.ts';
import type { LevelResult } from '../score/types.ts';
import { formatScore } from './format-score.ts';
import { td, th } from './html.ts';

export function rankedOrder(level: LevelResult): number[] {
  return Array.from(level.ids.keys()).sort((a, b) => level.rank[a] - level.rank[b]);
}

export function rankedTable(level: LevelResult, above: LevelResult | undefined, maxRows: number): string {
  const order = rankedOrder(level);
  const shown = order.slice(0, maxRows);
  const why = level.excludedBy?.some((e) => e !== '') ?? false;
  const head = [th('rank', true), th('id'), th('name'), ...(above ? [th(`in ${above.level}`)] : []), th('score', true), th('kept'), ...(why ? [th('not eligible because')] : [])].join('');
  const body = shown
    .map((i) => {
      const p = level.parent[i];
      const cells = [
        td(String(level.rank[i]), true), td(level.ids[i]), td(level.names[i] ?? ''),
        ...(above ? [td(p >= 0 && above ? (above.names[p] || above.ids[p]) : '')] : []),
        td(formatScore(level.score[i]), true), td(level.kept[i] ? 'yes' : 'no'),
        ...(why ? [td(level.excludedBy?.[i] ?? '')] : []),
      ];
      return `<tr${level.kept[i] ? ' class="kept"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const note = order.length > shown.length ? `<p class="note">The best ${formatNumber(shown.length)} of ${formatNumber(order.length)} ${level.level}s.</p>` : '';
  return `<div class="table-wrap"><table id="table-${level.level}s" class="ranked"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${note}`;
}
