/**
 * Sites criterion by criterion: per criterion the raw value, the normalised value (0–1,
 * 1 best) and the points it adds to the score, so every score can be followed by hand.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { LevelResult } from '../score/types.ts';
import { criterionUnit, formatMeasure } from './criterion-unit.ts';
import { formatNormalised, formatRaw, formatScore } from './format-score.ts';
import { td, th } from './html.ts';

/** `order`: the sites to list, in this order (indices into `sites`). */
export function siteDetailTable(sites: LevelResult, order: readonly number[], scenario?: Scenario): string {
  const units = sites.criteria.map((c) => criterionUnit(scenario?.criteria.find((s) => s.id === c.name), c.name, 'site'));
  const top = [th('rank', true), th('id'), th('name'), th('score', true), ...sites.criteria.map((c, k) => th(`${c.label || c.name} (weight ${formatRaw(c.weight)}; raw in ${units[k].en})`, false, 3))].join('');
  const sub = `<th></th><th></th><th></th><th></th>${sites.criteria.map(() => [th('raw', true), th('normalised', true), th('points', true)].join('')).join('')}`;
  const body = order
    .map((i) => {
      const cells = [td(String(sites.rank[i]), true), td(sites.ids[i]), td(sites.names[i] ?? ''), td(formatScore(sites.score[i]), true)];
      sites.criteria.forEach((c, k) => cells.push(td(formatMeasure(c.raw[i], units[k]), true), td(formatNormalised(c.normalised[i]), true), td(c.contribution[i].toFixed(2), true)));
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table id="table-top-sites" class="detail"><thead><tr>${top}</tr><tr>${sub}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
