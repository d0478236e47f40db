/**
 * How many outlets, in the report: the objective curve of `optimize --p FROM..TO` (an
 * OptimizeCurveSummary) as a line over p with the knee marked, and per p the objective, what the
 * last site added and how sure the answer is. Empty when the report was drawn without a curve.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, group } from '../format/number.ts';
import { chordDistance, STRAIGHT_CURVE } from '../optimize/curve-shape.ts';
import type { OptimizeCurveSummary } from '../optimize/summary.ts';
import { escapeHtml, figure, td, th } from './html.ts';
import { plotMarkup } from './plot-markup.ts';

const fixedDigits = (x: number, digits: number) => group(x.toFixed(digits));

/** What the objective counts, and how to show it. */
const MEASURE: Record<OptimizeCurveSummary['model'], { goal: string; label: string; scale: number; digits: number; step: string }> = {
  mclp: { goal: 'most people within the service radius (MCLP)', label: 'people within the radius', scale: 1, digits: 0, step: 'added by the last outlet' },
  lscp: { goal: 'fewest sites covering everyone (LSCP)', label: 'sites', scale: 1, digits: 0, step: 'saved by the last outlet' },
  pmedian: { goal: 'shortest mean distance to the nearest outlet (p-median)', label: 'mean distance to the nearest outlet, m', scale: 1, digits: 0, step: 'saved by the last outlet, m' },
  pcenter: { goal: 'shortest distance for the farthest customer (p-center)', label: 'farthest distance to an outlet, m', scale: 1, digits: 0, step: 'saved by the last outlet, m' },
  huff: { goal: 'largest market share (Huff)', label: 'market share, %', scale: 100, digits: 2, step: 'added by the last outlet, points' },
};

/** p-median reads as a mean distance (Σ w·d is person-metres, which no planner pictures). */
function shown(model: OptimizeCurveSummary['model'], point: OptimizeCurveSummary['curve'][number]): number {
  if (model === 'pmedian') return point.mean_distance ?? NaN;
  return point.objective * MEASURE[model].scale;
}

function gapText(point: OptimizeCurveSummary['curve'][number]): string {
  if (point.exact) return 'proved optimal';
  return `within ${fixedDigits(Math.ceil(point.gap * 1000) / 10, 1)} % of the best possible`;
}

export function optimizeSection(document: Document, curve: OptimizeCurveSummary | undefined): string {
  if (!curve || curve.curve.length === 0) return '';
  const { model } = curve;
  const m = MEASURE[model];
  const rows = curve.curve.map((c) => ({ p: c.p ?? 0, value: shown(model, c), knee: false }));
  const straight = chordDistance(rows.map((r) => r.p), rows.map((r) => r.value)) < STRAIGHT_CURVE;
  for (const r of rows) r.knee = !straight && r.p === curve.knee_p;
  const chart = plotMarkup(document, {
    width: 760,
    height: 300,
    marginLeft: 70,
    x: { label: 'new outlets (p)', ticks: rows.length, tickFormat: 'd' },
    y: { label: m.label, grid: true },
    marks: [
      Plot.lineY(rows, { x: 'p', y: 'value', stroke: '#3b7dd8' }),
      Plot.dot(rows, { x: 'p', y: 'value', fill: (r: { knee: boolean }) => (r.knee ? '#d84b3b' : '#3b7dd8'), r: (r: { knee: boolean }) => (r.knee ? 6 : 3) }),
      Plot.text(rows.filter((r) => r.knee), { x: 'p', y: 'value', text: () => 'knee', dy: -14, fill: '#d84b3b' }),
    ],
  });
  const fixed = curve.curve[0].fixed.length;
  const knee = curve.knee_p === null
    ? 'With fewer than three values of p the curve has no knee.'
    : straight
      ? `The curve is nearly straight: each new outlet brings about as much as the one before, so it names no clear number (its flattest bend is at p = ${curve.knee_p}).`
      : `The knee is at p = ${curve.knee_p}: past it each new outlet brings clearly less than the ones before.`;
  const head = `<tr>${th('new outlets (p)', true)}${th(m.label, true)}${th(m.step, true)}${th('answer')}</tr>`;
  const body = curve.curve.map((c, k) => {
    const prev = k > 0 ? shown(model, curve.curve[k - 1]) : NaN;
    const gain = Number.isFinite(prev) ? Math.abs(shown(model, c) - prev) : NaN;
    return `<tr${rows[k].knee ? ' class="kept"' : ''}>${td(String(c.p), true)}${td(fixedDigits(shown(model, c), m.digits), true)}${td(Number.isFinite(gain) ? fixedDigits(gain, m.digits) : '–', true)}${td(gapText(c))}</tr>`;
  });
  return `<section id="how-many"><h2>How many outlets</h2>
<p>${escapeHtml(`Goal: the ${m.goal}, solved for ${curve.curve[0].p} to ${curve.curve.at(-1)!.p} new outlets${fixed > 0 ? `, with the ${formatNumber(fixed)} own outlets kept open` : ''}. ${knee}`)}</p>
${figure(chart, `${m.label} against the number of new outlets${straight ? '' : '; the knee in red'}.`)}
<table><thead>${head}</thead><tbody>${body.join('')}</tbody></table>
</section>`;
}
