/**
 * The Shortlist view: every site the funnel keeps across all districts, best first, with its
 * region and district and its rank overall, in its district and in its region. Choosing a row
 * opens the site in its district (map, breakdown). Short (top K rows): a plain table.
 */
import type { ShortlistEntry } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';

const HEAD: MessageKey[] = ['table.rank', 'table.name', 'shortlist.region', 'shortlist.district', 'table.score', 'shortlist.rankIn'];

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
    const head = el('tr', {}, HEAD.map((key) => el('th', { i18n: key, attrs: { scope: 'col', ...(key === 'shortlist.rankIn' ? { 'data-i18n-title': 'shortlist.rankInTitle', title: t('shortlist.rankInTitle') } : {}) } })));
    const rows = entries.map((e, k) =>
      el('tr', { className: e.site === selectedSite ? 'selected' : '', attrs: { tabindex: '0', 'data-entry': String(k), 'data-id': e.id, ...(e.site === selectedSite ? { 'aria-selected': 'true' } : {}) } }, [
        el('td', { className: 'num', text: String(e.rank) }),
        el('td', { className: 'sl-name', text: e.name, attrs: { translate: 'no', title: `${e.name} (${e.id})` } }),
        el('td', { text: e.region, attrs: { translate: 'no' } }),
        el('td', { text: e.district, attrs: { translate: 'no' } }),
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
