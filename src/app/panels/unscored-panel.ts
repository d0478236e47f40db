/**
 * The "Rows not scored" panel: how many candidate rows the last run did not score (read − scored),
 * by reason, the first of them listed and all of them as CSV (row, id, reason, file).
 */
import { csvText, type FunnelResult, type LayerReport } from '../engine-api.ts';
import { el } from '../dom.ts';
import { formatNumber } from '../../format/number.ts';
import { downloadBlob } from '../export/download.ts';
import type { MessageKey } from '../i18n/en.ts';
import { currentLang, t, type Lang } from '../i18n/i18n.ts';
import { unscoredRows, type UnscoredKind, type UnscoredSummary } from './unscored-rows.ts';

/** Rows listed in the page; the CSV holds them all. */
const LISTED = 100;
const KIND_KEYS: Record<UnscoredKind, MessageKey> = {
  rejected: 'unscored.kind.rejected',
  outside: 'unscored.kind.outside',
  district: 'unscored.kind.district',
  region: 'unscored.kind.region',
};
const KINDS: UnscoredKind[] = ['rejected', 'outside', 'region', 'district'];
const count = (n: number): string => formatNumber(n, { lang: currentLang() });

export function unscoredCsv(summary: UnscoredSummary): string {
  return csvText(['row', 'id', 'reason', 'file'], summary.rows.map((r) => [r.row || '', r.id, r.reason, r.file]));
}

export class UnscoredPanel {
  private shown: { funnel: FunnelResult; reports: LayerReport[]; lang: Lang } | null = null;
  private readonly summary = el('summary');
  private readonly body = el('div', { className: 'unscored-body' });

  constructor(private readonly host: HTMLElement) {
    host.replaceChildren(el('details', { className: 'unscored' }, [this.summary, this.body]));
    host.hidden = true;
  }

  /** The last run's rows not scored (worded again only when the run, the data or the language changed). */
  show(funnel: FunnelResult | null, reports: LayerReport[]): void {
    const lang = currentLang();
    if (this.shown && this.shown.funnel === funnel && this.shown.reports === reports && this.shown.lang === lang) return;
    const summary = funnel ? unscoredRows(funnel, reports) : null;
    this.shown = funnel ? { funnel, reports, lang } : null;
    this.host.hidden = summary === null;
    if (!summary) return;
    const n = summary.rows.length;
    this.host.dataset.count = String(n);
    this.summary.replaceChildren(el('span', { i18n: 'unscored.title' }), el('span', { className: 'unscored-count', text: ` (${count(n)})` }));
    const byKind = new Map<UnscoredKind, number>();
    for (const kind of KINDS) byKind.set(kind, 0);
    for (const r of summary.rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    const balance = t('unscored.balance').replace('{read}', count(summary.read)).replace('{scored}', count(summary.scored)).replace('{not}', count(n));
    const kinds = el('ul', { className: 'unscored-kinds' }, [...byKind].filter(([, k]) => k > 0).map(([kind, k]) => el('li', { attrs: { 'data-kind': kind } }, [el('b', { text: count(k) }), el('span', { text: ` ${t(KIND_KEYS[kind])}` })])));
    const rows = summary.rows.slice(0, LISTED).map((r) =>
      el('tr', { attrs: { 'data-kind': r.kind } }, [el('td', { text: r.row ? String(r.row) : '' }), el('td', { text: r.id, attrs: { translate: 'no' } }), el('td', { text: r.reason })]),
    );
    const table = el('table', { className: 'unscored-table' }, [
      el('thead', {}, [el('tr', {}, [el('th', { i18n: 'unscored.row' }), el('th', { i18n: 'unscored.id' }), el('th', { i18n: 'unscored.reason' })])]),
      el('tbody', {}, rows),
    ]);
    const more = n > LISTED ? el('p', { className: 'muted', text: t('unscored.more').replace('{n}', count(n - LISTED)) }) : null;
    const download = el('button', { i18n: 'unscored.download', className: 'unscored-download', attrs: { type: 'button' } });
    download.addEventListener('click', () => downloadBlob(new Blob([unscoredCsv(summary)], { type: 'text/csv' }), 'rows-not-scored.csv'));
    const listed = n > 0 ? [download, el('div', { className: 'unscored-scroll' }, [table])] : [];
    this.body.replaceChildren(el('p', { className: 'unscored-balance', text: balance }), kinds, ...listed, ...(more ? [more] : []));
  }
}
