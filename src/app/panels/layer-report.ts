/** A layer's validation report: read = loaded + rejected, column totals, notes, rejects as CSV (reasons in the page's language). */
import { csvText, type LayerReport } from '../engine-api.ts';
import { el } from '../dom.ts';
import { formatNumber } from '../../format/number.ts';
import { currentLang } from '../i18n/i18n.ts';
import { downloadBlob } from '../export/download.ts';
import { rejectReasonText } from './reject-reason.ts';

export function rejectsCsv(report: LayerReport): string {
  return csvText(
    ['row', 'id', 'column', 'reason', 'value'],
    report.rejects.map((r) => [r.row, r.id, r.column, rejectReasonText(r), r.value]),
  );
}

export function renderLayerReport(report: LayerReport, sums: Record<string, number>, sumsBy: 'duckdb' | 'js'): HTMLElement {
  const count = (key: 'data.read' | 'data.loaded' | 'data.rejected', value: number, cls: string): HTMLElement =>
    el('div', { className: `count ${cls}` }, [el('dt', { i18n: key }), el('dd', { text: formatNumber(value, { lang: currentLang() }) })]);
  const totals = Object.entries(sums).map(([name, value]) =>
    el('div', { className: 'count sum', attrs: { 'data-column': name } }, [el('dt', { text: `Σ ${name}` }), el('dd', { text: formatNumber(value, { digits: 0, lang: currentLang() }) })]),
  );
  const box = el('div', { className: 'layer-report', attrs: { 'data-layer': report.layer, 'data-sums-by': sumsBy } }, [
    el('h4', { i18n: 'data.report' }),
    el('dl', {}, [count('data.read', report.read, 'read'), count('data.loaded', report.loaded, 'loaded'), count('data.rejected', report.rejected, 'rejected'), ...totals]),
    el('p', { className: 'muted sums-by' }, [el('span', { i18n: 'data.sumsBy' }), el('span', { text: ` ${sumsBy === 'duckdb' ? 'DuckDB' : 'JavaScript'}` })]),
    el('ul', { className: 'notes' }, report.notes.map((n) => el('li', { text: n }))),
  ]);
  if (report.rejected > 0) {
    const button = el('button', { i18n: 'data.rejects', className: 'rejects-download', attrs: { type: 'button' } });
    button.addEventListener('click', () => downloadBlob(new Blob([rejectsCsv(report)], { type: 'text/csv' }), `${report.file.replace(/\.[^.]+$/, '')}-rejects.csv`));
    box.append(button);
  }
  return box;
}
