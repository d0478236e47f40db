/**
 * How many outlets, in the optimisation panel: the objective for 1 … p new sites (p-median as the
 * mean distance), the knee marked when the curve has one, and per p what the last site brought and
 * how sure the answer is. Reads the worker's OptimizeCurveSummary; draws with Plot.
 */
import * as Plot from '@observablehq/plot';
import { chordDistance, STRAIGHT_CURVE, type OptimizeCurveSummary } from '../engine-api.ts';
import { el } from '../dom.ts';
import { formatNumber } from '../../format/number.ts';
import { currentLang } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';

type Point = OptimizeCurveSummary['curve'][number];

const VALUE: Record<OptimizeCurveSummary['model'], { key: MessageKey; of: (c: Point) => number; digits: number }> = {
  mclp: { key: 'optimize.unit.peopleCovered', of: (c) => c.objective, digits: 0 },
  lscp: { key: 'optimize.unit.sites', of: (c) => c.objective, digits: 0 },
  pmedian: { key: 'optimize.meanDistance', of: (c) => c.mean_distance ?? NaN, digits: 0 },
  pcenter: { key: 'optimize.unit.metresFarthest', of: (c) => c.objective, digits: 0 },
  huff: { key: 'optimize.unit.marketShare', of: (c) => 100 * c.objective, digits: 2 },
};

function answer(c: Point): HTMLElement {
  if (c.exact) return el('td', { i18n: 'optimize.gap.optimal' });
  const pct = Math.ceil(c.gap * 1000) / 10;
  return el('td', { text: `≤ ${formatNumber(pct, { digits: 1, lang: currentLang() })} %` });
}

export function curveView(curve: OptimizeCurveSummary): HTMLElement {
  const v = VALUE[curve.model];
  const rows = curve.curve.map((c) => ({ p: c.p ?? 0, value: v.of(c), knee: false }));
  const straight = chordDistance(rows.map((r) => r.p), rows.map((r) => r.value)) < STRAIGHT_CURVE;
  for (const r of rows) r.knee = !straight && r.p === curve.knee_p;
  const chart = Plot.plot({
    width: 300,
    height: 200,
    marginLeft: 60,
    x: { label: null, ticks: Math.min(rows.length, 10), tickFormat: 'd' },
    y: { label: null, grid: true },
    marks: [
      Plot.lineY(rows, { x: 'p', y: 'value', stroke: '#2c7fb8' }),
      Plot.dot(rows, { x: 'p', y: 'value', fill: (r: { knee: boolean }) => (r.knee ? '#d84b3b' : '#2c7fb8'), r: (r: { knee: boolean }) => (r.knee ? 5 : 2.5) }),
    ],
  });
  const kneeLine = curve.knee_p === null
    ? null
    : straight
      ? el('p', { i18n: 'optimize.curve.straight', attrs: { id: 'optimize-curve-knee', 'data-knee': '' } })
      : el('p', { attrs: { id: 'optimize-curve-knee', 'data-knee': String(curve.knee_p) } }, [el('span', { i18n: 'optimize.curve.knee' }), el('span', { text: ` ${curve.knee_p} ` }), el('span', { i18n: 'optimize.curve.kneeNote' })]);
  const head = el('tr', {}, [el('th', { i18n: 'optimize.curve.p' }), el('th', { i18n: v.key }), el('th', { i18n: 'optimize.curve.gain' }), el('th', { i18n: 'optimize.curve.answer' })]);
  const body = curve.curve.map((c, k) => {
    const gain = k > 0 ? Math.abs(rows[k].value - rows[k - 1].value) : NaN;
    return el('tr', { className: rows[k].knee ? 'kept' : '' }, [
      el('td', { text: String(rows[k].p) }),
      el('td', { text: formatNumber(rows[k].value, { digits: v.digits, lang: currentLang() }) }),
      el('td', { text: formatNumber(gain, { digits: v.digits, lang: currentLang() }) }),
      answer(c),
    ]);
  });
  return el('section', { attrs: { id: 'optimize-curve-view' } }, [
    el('h3', { i18n: 'optimize.curve.title' }),
    // Axis names as page text, so they follow a change of language.
    el('p', { className: 'muted optimize-curve-axes' }, [el('span', { text: '↑ ' }), el('span', { i18n: v.key }), el('span', { text: ' · → ' }), el('span', { i18n: 'optimize.curve.p' })]),
    chart,
    kneeLine,
    el('table', { className: 'optimize-curve-table', attrs: { id: 'optimize-curve-table' } }, [el('thead', {}, [head]), el('tbody', {}, body)]),
  ]);
}
