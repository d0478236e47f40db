/**
 * The selected unit's breakdown: per criterion its raw value, its normalised value and its weighted
 * contribution (the contributions sum to the score), as bars and as a table.
 */
import * as Plot from '@observablehq/plot';
import type { LevelResult, Scenario } from '../engine-api.ts';
import { el, formatNumber } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { criterionLabel } from './criterion-label.ts';

interface Row {
  label: string;
  raw: number;
  normalised: number;
  contribution: number;
}

export function renderBreakdown(host: HTMLElement, level: LevelResult | null, unit: number, scenario: Scenario | null, reason = ''): void {
  const title = el('h2', { i18n: 'breakdown.title' });
  if (!level || unit < 0 || unit >= level.ids.length) {
    host.replaceChildren(title, el('p', { i18n: 'breakdown.none', className: 'muted' }));
    return;
  }
  const rows: Row[] = level.criteria.map((c) => ({
    label: criterionLabel(scenario, c.name),
    raw: c.raw[unit],
    normalised: c.normalised[unit],
    contribution: c.contribution[unit],
  }));
  const chart = Plot.plot({
    width: Math.max(260, (host.clientWidth || 300) - 16),
    height: 28 + rows.length * 22,
    marginLeft: 190,
    x: { label: t('breakdown.contribution'), domain: [0, Math.max(1, ...rows.map((r) => r.contribution))] },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [Plot.barX(rows, { y: 'label', x: 'contribution', fill: '#2c7fb8' }), Plot.ruleX([0])],
  });
  const table = el('table', { className: 'breakdown-table' }, [
    el('thead', {}, [
      el('tr', {}, [el('th', { i18n: 'breakdown.criterion' }), el('th', { i18n: 'breakdown.raw' }), el('th', { i18n: 'breakdown.normalised' }), el('th', { i18n: 'breakdown.contribution' })]),
    ]),
    el(
      'tbody',
      {},
      rows.map((r) =>
        el('tr', {}, [
          el('td', { text: r.label }),
          el('td', { text: formatNumber(r.raw, 2) }),
          el('td', { text: formatNumber(r.normalised, 3) }),
          el('td', { text: formatNumber(r.contribution, 2) }),
        ]),
      ),
    ),
  ]);
  const name = level.names[unit] || level.ids[unit];
  const kept = level.kept[unit] === 1;
  const verdict = el('p', { className: kept ? 'breakdown-kept' : 'breakdown-cut' }, [el('strong', { i18n: kept ? 'breakdown.kept' : 'breakdown.notKept' }), el('span', { text: kept ? '' : ` ${reason}` })]);
  host.replaceChildren(title, el('p', { className: 'breakdown-unit' }, [el('span', { text: name, attrs: { translate: 'no' } }), el('span', { text: ` — ${t('table.score')} ${level.score[unit].toFixed(1)}` })]), verdict, chart, table);
}
