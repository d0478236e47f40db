/**
 * The selected unit's breakdown: per criterion its weight, its raw value in its unit, its
 * normalised value (0–1, 1 best, after the direction) and its weighted contribution, with a total
 * row (the contributions sum to the score); the contributions also as bars. Kept or why not.
 */
import * as Plot from '@observablehq/plot';
import { formatMeasure, type LevelResult, type Scenario } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { criterionLabel, criterionUnitOf, unitText } from './criterion-label.ts';

interface Row {
  label: string;
  weight: number;
  raw: string;
  unit: string;
  normalised: number;
  contribution: number;
}

export function renderBreakdown(host: HTMLElement, level: LevelResult | null, unit: number, scenario: Scenario | null, reason = ''): void {
  const title = el('h2', { i18n: 'breakdown.title' });
  if (!level || unit < 0 || unit >= level.ids.length) {
    host.replaceChildren(title, el('p', { i18n: 'breakdown.none', className: 'muted' }));
    return;
  }
  const rows: Row[] = level.criteria.map((c) => {
    const measure = criterionUnitOf(scenario, c.name, level.level);
    return {
      label: criterionLabel(scenario, c.name),
      weight: c.weight,
      raw: formatMeasure(c.raw[unit], measure),
      unit: unitText(measure),
      normalised: c.normalised[unit],
      contribution: c.contribution[unit],
    };
  });
  const chart = Plot.plot({
    width: Math.max(260, (host.clientWidth || 300) - 16),
    height: 28 + rows.length * 20,
    marginLeft: 170,
    x: { label: t('breakdown.contribution'), domain: [0, Math.max(1, ...rows.map((r) => r.contribution))] },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [Plot.barX(rows, { y: 'label', x: 'contribution', fill: '#2c7fb8' }), Plot.ruleX([0])],
  });
  const weightSum = rows.reduce((s, r) => s + r.weight, 0);
  const head = ['breakdown.criterion', 'breakdown.weight', 'breakdown.raw', 'breakdown.normalised', 'breakdown.contribution'] as const;
  const table = el('table', { className: 'breakdown-table' }, [
    el('thead', {}, [el('tr', {}, head.map((key) => el('th', { i18n: key })))]),
    el(
      'tbody',
      {},
      rows.map((r) =>
        el('tr', {}, [
          el('td', { text: r.label }),
          el('td', { text: r.weight.toFixed(1) }),
          el('td', {}, [el('span', { text: r.raw }), el('span', { className: 'unit', text: r.unit ? ` ${r.unit}` : '' })]),
          el('td', { text: Number.isFinite(r.normalised) ? r.normalised.toFixed(3) : '–' }),
          el('td', { text: r.contribution.toFixed(1) }),
        ]),
      ),
    ),
    el('tfoot', {}, [
      el('tr', { className: 'breakdown-total' }, [
        el('th', { i18n: 'breakdown.total', attrs: { scope: 'row' } }),
        el('td', { text: weightSum.toFixed(1) }),
        el('td', {}),
        el('td', {}),
        el('td', { text: level.score[unit].toFixed(1) }),
      ]),
    ]),
  ]);
  const name = level.names[unit] || level.ids[unit];
  const kept = level.kept[unit] === 1;
  const verdict = el('p', { className: kept ? 'breakdown-kept' : 'breakdown-cut' }, [el('strong', { i18n: kept ? 'breakdown.kept' : 'breakdown.notKept' }), el('span', { text: kept ? '' : ` ${reason}` })]);
  const heading = el('p', { className: 'breakdown-unit' }, [el('span', { text: name, attrs: { translate: 'no' } }), el('span', { text: ` — ${t('table.score')} ${level.score[unit].toFixed(1)} · ${t('table.rank')} ${level.rank[unit]}` })]);
  host.replaceChildren(title, heading, verdict, table, chart);
}
