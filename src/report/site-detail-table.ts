/**
 * The best N sites criterion by criterion: per criterion the raw value, the normalised value (0–1,
 * 1 best) and the points it adds to the score, so every score can be followed by hand.
 */
import type { LevelResult } from '../score/types.ts';
import { formatNormalised, formatRaw, formatScore } from './format-score.ts';
import { td, th } from './html.ts';
import { rankedOrder } from './ranked-table.ts';

export function siteDetailTable(sites: LevelResult, topN: number): string {
  const order = rankedOrder(sites).slice(0, topN);
  const top = [th('rank', true), th('id'), th('name'), th('score', true), ...sites.criteria.map((c) => th(`${c.label || c.name} (weight ${formatRaw(c.weight)})`, false, 3))].join('');
  const sub = `<th></th><th></th><th></th><th></th>${sites.criteria.map(() => [th('raw', true), th('normalised', true), th('points', true)].join('')).join('')}`;
  const body = order
    .map((i) => {
      const cells = [td(String(sites.rank[i]), true), td(sites.ids[i]), td(sites.names[i] ?? ''), td(formatScore(sites.score[i]), true)];
      for (const c of sites.criteria) cells.push(td(formatRaw(c.raw[i]), true), td(formatNormalised(c.normalised[i]), true), td(formatScore(c.contribution[i]), true));
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table id="table-top-sites" class="detail"><thead><tr>${top}</tr><tr>${sub}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
