/**
 * One unit's score, criterion by criterion: a bar per criterion's weighted contribution (the bars
 * add up to the score), with the contribution written at the bar's end.
 */
import * as Plot from '@observablehq/plot';
import { breakdown } from '../score/funnel-table.ts';
import type { LevelResult } from '../score/types.ts';
import { plotMarkup } from './plot-markup.ts';

export function breakdownChart(document: Document, level: LevelResult, index: number): string {
  const rows = breakdown(level, index).map((r) => ({ label: r.label || r.criterion, contribution: r.contribution }));
  const longest = Math.max(8, ...rows.map((r) => r.label.length));
  return plotMarkup(document, {
    width: 760,
    height: 40 + 26 * rows.length,
    marginLeft: Math.min(260, 12 + 6.5 * longest),
    marginRight: 50,
    x: { label: 'points of the score', grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { x: 'contribution', y: 'label', fill: '#3b7dd8' }),
      Plot.text(rows, { x: 'contribution', y: 'label', text: (r: { contribution: number }) => r.contribution.toFixed(2), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
}
