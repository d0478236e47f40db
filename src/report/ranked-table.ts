/**
 * A level as its ranking (DESIGN §4's funnel table): rank, id, name, the unit above, score, kept,
 * and for every unit not kept the reason in words; best first. Long levels are cut at `maxRows`,
 * and the cut is said under the table.
 */
import { formatNumber } from '../format/number.ts';
import { formatNotKept } from '../score/format-not-kept.ts';
import { levelReasons } from '../score/funnel-shortlist.ts';
import { rankOrder } from '../score/rank-order.ts';
import type { FunnelResult, LevelResult } from '../score/types.ts';
import { formatScore } from './format-score.ts';
import { td, th } from './html.ts';

export function rankedTable(result: FunnelResult, level: LevelResult, above: LevelResult | undefined, maxRows: number): string {
  const order = rankOrder(level);
  const shown = order.slice(0, maxRows);
  const reasons = levelReasons(result, level);
  const head = [th('rank', true), th('id'), th('name'), ...(above ? [th(`in ${above.level}`)] : []), th('score', true), th('kept'), th('why not kept')].join('');
  const body = shown
    .map((i) => {
      const p = level.parent[i];
      const cells = [
        td(String(level.rank[i]), true), td(level.ids[i]), td(level.names[i] ?? ''),
        ...(above ? [td(p >= 0 && above ? (above.names[p] || above.ids[p]) : '')] : []),
        td(formatScore(level.score[i]), true), td(level.kept[i] ? 'yes' : 'no'),
        td(formatNotKept(reasons.at(i))),
      ];
      return `<tr${level.kept[i] ? ' class="kept"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  const note = order.length > shown.length ? `<p class="note">The best ${formatNumber(shown.length)} of ${formatNumber(order.length)} ${level.level}s.</p>` : '';
  return `<div class="table-wrap"><table id="table-${level.level}s" class="ranked"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${note}`;
}
