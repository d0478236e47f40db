/**
 * The Shortlist view: every site the funnel keeps across all districts, best first, with its
 * region and district and its rank overall, in its district and in its region. Choosing a row
 * opens the site in its district (map, breakdown). Short (top K rows): a plain table. Where a site
 * is goes on a second line under its name, so nothing is cut short in a 380 px column.
 */
import type { ShortlistEntry } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';

const HEAD: MessageKey[] = ['table.rank', 'table.name', 'table.score', 'shortlist.rankIn'];

export class ShortlistView {
  readonly root = el('div', { className: 'shortlist' });
  private entries: ShortlistEntry[] = [];

  constructor(private readonly onPick: (entry: ShortlistEntry) => void) {
    this.root.addEventListener('click', (e) => this.pick(e.target));
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.pick(e.target);
      }
    });
  }

  show(entries: ShortlistEntry[], selectedSite: number): void {
    this.entries = entries;
    const caption = el('div', { className: 'rt-caption', text: `${entries.length} ${t('shortlist.count')}` });
    if (entries.length === 0) {
      this.root.replaceChildren(caption, el('p', { className: 'muted', i18n: 'shortlist.empty' }));
      return;
    }
    const head = el('tr', {}, HEAD.map((key) => {
      const th = el('th', { i18n: key, attrs: { scope: 'col', ...(key === 'shortlist.rankIn' ? { 'data-i18n-title': 'shortlist.rankInTitle', title: t('shortlist.rankInTitle') } : {}) } });
      if (key !== 'table.name') return th;
      return el('th', { attrs: { scope: 'col' } }, [el('span', { i18n: key }), el('span', { className: 'sl-where', i18n: 'shortlist.where' })]);
    }));
    const rows = entries.map((e, k) =>
      el('tr', { className: e.site === selectedSite ? 'selected' : '', attrs: { tabindex: '0', 'data-entry': String(k), 'data-id': e.id, ...(e.site === selectedSite ? { 'aria-selected': 'true' } : {}) } }, [
        el('td', { className: 'num', text: String(e.rank) }),
        el('td', { className: 'sl-name', attrs: { translate: 'no', title: `${e.name} (${e.id})` } }, [
          el('span', { className: 'sl-site', text: e.name }),
          el('span', { className: 'sl-where', text: [e.district, e.region].filter(Boolean).join(' · ') }),
        ]),
        el('td', { className: 'num sl-score', text: e.score.toFixed(1) }),
        el('td', { className: 'num sl-rank-in', text: `${e.rankInDistrict} · ${e.rankInRegion}` }),
      ]),
    );
    this.root.replaceChildren(caption, el('div', { className: 'sl-wrap' }, [el('table', { className: 'shortlist-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)])]));
  }

  private pick(target: EventTarget | null): void {
    const row = target instanceof Element ? target.closest<HTMLElement>('tr[data-entry]') : null;
    const entry = row ? this.entries[Number(row.dataset.entry)] : undefined;
    if (entry) this.onPick(entry);
  }
}
