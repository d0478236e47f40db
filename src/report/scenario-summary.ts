/**
 * What the planner set, in words and tables: the criteria with their weights, normalisation,
 * direction and parameters; how scores combine; the funnel's cut per level; the constraints.
 */
import { directionOf, levelWeight, type Direction, type Normalisation } from '../scenario/criterion-spec.ts';
import type { LevelCut, Scenario } from '../scenario/scenario.ts';
import { kindLabel } from '../score/level-criteria.ts';
import { criterionParameters } from './criterion-parameters.ts';
import { formatRaw } from './format-score.ts';
import { escapeHtml, settingsList, td, th } from './html.ts';

function direction(d: Direction): string {
  if (typeof d === 'string') return `${d} is better`;
  if ('target' in d) return `closest to ${formatRaw(d.target)}`;
  return `inside ${formatRaw(d.range[0])}–${formatRaw(d.range[1])}`;
}

const NORMALISATION_WORDS: Record<Normalisation, string> = { minmax: 'min–max', zscore: 'z-score', percentile: 'percentile', rank: 'rank', none: 'none (raw value)' };

function cut(c: LevelCut): string {
  const parts = [c.topK !== undefined ? `top ${c.topK}` : '', c.minScore !== undefined ? `score ≥ ${c.minScore}` : ''].filter(Boolean);
  return parts.length ? `keep ${parts.join(' and ')}` : 'keep all';
}

function constraints(s: Scenario): [string, string][] {
  const c = s.constraints;
  const limits = (o: Record<string, number> | undefined, op: string): string => Object.entries(o ?? {}).map(([k, v]) => `${k} ${op} ${formatRaw(v)}`).join(', ');
  const rows: [string, string][] = [];
  if (c.minDistanceToOwn !== undefined) rows.push(['min. distance to own outlets', `${formatRaw(c.minDistanceToOwn)} m`]);
  if (c.minSpacing !== undefined) rows.push(['min. spacing between chosen sites', `${formatRaw(c.minSpacing)} m`]);
  if (c.maxAttribute && Object.keys(c.maxAttribute).length) rows.push(['upper limits', limits(c.maxAttribute, '≤')]);
  if (c.minAttribute && Object.keys(c.minAttribute).length) rows.push(['lower limits', limits(c.minAttribute, '≥')]);
  if (c.excludedAreas?.length) rows.push(['excluded areas', `${c.excludedAreas.length} polygon${c.excludedAreas.length > 1 ? 's' : ''}`]);
  if (c.topNPerRegion !== undefined) rows.push(['top N per region', String(c.topNPerRegion)]);
  if (c.filter !== undefined) rows.push(['SQL filter (sites failing it are not kept)', c.filter]);
  return rows;
}

export function scenarioSummary(s: Scenario): string {
  const head = ['id', 'label', 'kind', 'weight (region / district / site)', 'normalisation', 'direction (sites)', 'parameters'].map((h) => th(h)).join('');
  const body = s.criteria
    .map((c) => {
      const weights = (['region', 'district', 'site'] as const).map((l) => formatRaw(levelWeight(c, l))).join(' / ');
      return `<tr>${[td(c.id), td(c.label ?? ''), td(`${kindLabel(c.kind)} (${c.kind})`), td(weights), td(NORMALISATION_WORDS[c.normalise]), td(direction(directionOf(c, 'site'))), td(criterionParameters(c))].join('')}</tr>`;
    })
    .join('\n');
  const f = s.funnel;
  const settings: [string, string][] = [
    ['combination', s.combine === 'sum' ? 'weighted sum of normalised values (weights rescaled to sum 1)' : 'weighted geometric mean'],
    ['regions', cut(f.regions)],
    ['districts', cut(f.districts)],
    ['sites', cut(f.sites)],
    ['lattice spacing (no candidates)', `${formatRaw(f.latticeSpacing)} m`],
    ['context weights in the site score', `district ${formatRaw(f.context.district)}, region ${formatRaw(f.context.region)}`],
    ['Huff model', `alpha ${formatRaw(s.huff.alpha)}, beta ${formatRaw(s.huff.beta)}, cutoff ${formatRaw(s.huff.cutoff)} m, floor ${formatRaw(s.huff.floor)} m`],
    ['outlet planned', s.candidateType],
  ].map(([k, v]) => [k, escapeHtml(v)]);
  const limits = constraints(s);
  return `<p><strong>${escapeHtml(s.name)}</strong>${s.description ? ` — ${escapeHtml(s.description)}` : ''}</p>
<h3>Criteria</h3>
<div class="table-wrap"><table id="table-criteria"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>
<h3>Funnel</h3>
${settingsList(settings)}
<h3>Constraints</h3>
${limits.length ? settingsList(limits.map(([k, v]) => [k, escapeHtml(v)])) : '<p>None.</p>'}`;
}
