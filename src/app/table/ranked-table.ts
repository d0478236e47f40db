/**
 * The ranked table of the current level: sortable headers (buttons, so the keyboard reaches them),
 * the kept flag, and virtualised rows — only the rows in view exist in the DOM, so 100 k units
 * repaint in well under a frame. Arrow keys move the selection; Enter drills down.
 */
import type { LevelResult } from '../engine-api.ts';
import { el } from '../dom.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { formatNumber } from '../../format/number.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { ReasonText } from './reason-text.ts';
import { orderUnits, type SortKey, type SortSpec } from './table-order.ts';

const ROW_HEIGHT = 26;
const OVERSCAN = 6;

export interface TableHandlers {
  onSelect(unit: number): void;
  onDrill(unit: number): void;
}

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'rank', label: 'table.rank' },
  { key: 'name', label: 'table.name' },
  { key: 'score', label: 'table.score' },
  { key: 'kept', label: 'table.kept' },
];

export class RankedTable {
  readonly root: HTMLElement;
  private readonly head = el('div', { className: 'rt-head', attrs: { role: 'row' } });
  private readonly viewport = el('div', { className: 'rt-viewport', attrs: { tabindex: '0', role: 'rowgroup' } });
  private readonly spacer = el('div', { className: 'rt-spacer' });
  private readonly rows = el('div', { className: 'rt-rows' });
  private readonly caption = el('div', { className: 'rt-caption' });
  private level: LevelResult | null = null;
  private units: Int32Array = new Int32Array(0);
  /** Per unit: its rank among the units shown, when the sort is not by rank (else the row's position gives it). */
  private localRank: Int32Array | null = null;
  /** Per unit: why it is not kept, in words ('' when kept). */
  private reasons: ReasonText = () => '';
  /** Why there is nothing to rank here, when the level is empty ('' for the general words). */
  private emptyText = '';
  private order: Int32Array = new Int32Array(0);
  private sort: SortSpec = { key: 'rank', descending: false };
  private selected = -1;
  /** Viewport height and scroll offset, kept up to date by observers: reading them from the DOM on
   * every repaint would force a layout of the whole page (the map holds thousands of nodes). */
  private viewHeight = 400;
  private scrollTop = 0;

  constructor(private readonly handlers: TableHandlers) {
    this.viewport.append(this.spacer, this.rows);
    this.root = el('div', { className: 'ranked-table', attrs: { role: 'grid' } }, [this.caption, this.head, this.viewport]);
    this.viewport.setAttribute('data-i18n-aria', 'table.title');
    this.viewport.addEventListener('scroll', () => {
      this.scrollTop = this.viewport.scrollTop;
      this.paintRows();
    });
    new ResizeObserver(([entry]) => {
      this.viewHeight = entry.contentRect.height || 400;
      this.paintRows();
    }).observe(this.viewport);
    this.viewport.addEventListener('keydown', (e) => this.onKey(e));
    this.rows.addEventListener('click', (e) => {
      const unit = this.unitOf(e.target);
      if (unit >= 0) this.handlers.onSelect(unit);
    });
    this.rows.addEventListener('dblclick', (e) => {
      const unit = this.unitOf(e.target);
      if (unit >= 0) this.handlers.onDrill(unit);
    });
    this.paintHead();
  }

  /** Shows `units` (indices into level) of a level; keeps the sort. */
  show(level: LevelResult, units: Int32Array, selected: number, reasons: ReasonText = () => '', emptyText = ''): void {
    if (units !== this.units) {
      // Another set of units (a drill step): start at the top. A re-rank keeps the scroll.
      this.scrollTop = 0;
      this.viewport.scrollTop = 0;
    }
    this.level = level;
    this.units = units;
    this.reasons = reasons;
    this.emptyText = emptyText;
    this.selected = selected;
    this.order = orderUnits(level, units, this.sort);
    this.localRank = this.sort.key === 'rank' || this.sort.key === 'score' ? null : localRanks(level, units);
    this.spacer.style.height = `${this.order.length * ROW_HEIGHT}px`;
    // As tall as its rows (up to 40 % of the window): a short level leaves room for the breakdown.
    this.viewport.style.height = `min(40vh, ${Math.max(3, this.order.length) * ROW_HEIGHT + 2}px)`;
    this.caption.textContent = `${formatNumber(this.order.length, { lang: currentLang() })} ${t('table.count')}`;
    this.paintRows();
  }

  clear(): void {
    this.level = null;
    this.order = new Int32Array(0);
    this.spacer.style.height = '0px';
    this.caption.textContent = '';
    this.rows.replaceChildren();
  }

  select(unit: number): void {
    this.selected = unit;
    const pos = this.order.indexOf(unit);
    if (pos >= 0) this.scrollIntoView(pos);
    this.paintRows();
  }

  /** Row order currently shown (unit indices), for exports and tests. */
  shownOrder(): Int32Array {
    return this.order;
  }

  relabel(): void {
    this.paintHead();
    if (this.level) this.show(this.level, this.units, this.selected, this.reasons, this.emptyText);
  }

  private paintHead(): void {
    this.head.replaceChildren(
      ...COLUMNS.map(({ key, label }) => {
        const active = this.sort.key === key;
        const arrow = active ? (this.sort.descending ? ' ▼' : ' ▲') : '';
        const button = el('button', { text: t(label) + arrow, className: `rt-sort rt-${key}`, attrs: { type: 'button', 'data-sort': key } });
        button.setAttribute('aria-sort', active ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
        button.addEventListener('click', () => this.toggleSort(key));
        return el('div', { className: `rt-cell rt-${key}`, attrs: { role: 'columnheader' } }, [button]);
      }),
    );
  }

  private toggleSort(key: SortKey): void {
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: key === 'score' || key === 'kept' };
    this.paintHead();
    if (this.level) this.show(this.level, this.units, this.selected, this.reasons, this.emptyText);
  }

  private paintRows(): void {
    const level = this.level;
    if (!level) return;
    if (this.order.length === 0) {
      this.rows.replaceChildren(this.emptyText ? el('div', { className: 'rt-empty', text: this.emptyText }) : el('div', { className: 'rt-empty', i18n: 'table.empty' }));
      return;
    }
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(this.viewHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(this.order.length, first + visible);
    const yes = t('table.yes');
    const no = t('table.no');
    const reasons = this.reasons;
    const fragment = document.createDocumentFragment();
    for (let pos = first; pos < last; pos++) {
      const unit = this.order[pos];
      const row = el('div', { className: unit === this.selected ? 'rt-row selected' : 'rt-row', attrs: { role: 'row', 'data-unit': String(unit) } }, [
        el('div', { className: 'rt-cell rt-rank', text: String(this.localRankAt(unit, pos)), attrs: { title: `${t('table.overall')} ${level.rank[unit]} / ${level.ids.length}` } }),
        el('div', { className: 'rt-cell rt-name', text: level.names[unit] || level.ids[unit], attrs: { translate: 'no' } }),
        el('div', { className: 'rt-cell rt-score', text: Number.isFinite(level.score[unit]) ? level.score[unit].toFixed(1) : '–' }),
        keptCell(level.kept[unit] === 1, reasons(unit) || (level.kept[unit] ? yes : no)),
      ]);
      row.style.transform = `translateY(${pos * ROW_HEIGHT}px)`;
      if (unit === this.selected) row.setAttribute('aria-selected', 'true');
      fragment.append(row);
    }
    this.rows.replaceChildren(fragment);
  }

  /** The unit's rank among the units shown (in its region or district). */
  private localRankAt(unit: number, pos: number): number {
    if (this.localRank) return this.localRank[unit];
    const ascending = this.sort.key === 'rank' ? !this.sort.descending : this.sort.descending;
    return ascending ? pos + 1 : this.order.length - pos;
  }

  private unitOf(target: EventTarget | null): number {
    const row = target instanceof Element ? target.closest<HTMLElement>('.rt-row') : null;
    return row ? Number(row.dataset.unit) : -1;
  }

  private scrollIntoView(pos: number): void {
    const top = pos * ROW_HEIGHT;
    if (top < this.scrollTop) this.scrollTop = top;
    else if (top + ROW_HEIGHT > this.scrollTop + this.viewHeight) this.scrollTop = top + ROW_HEIGHT - this.viewHeight;
    else return;
    this.viewport.scrollTop = this.scrollTop;
  }

  private onKey(e: KeyboardEvent): void {
    if (this.order.length === 0) return;
    const pos = this.order.indexOf(this.selected);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 10 : e.key === 'PageUp' ? -10 : 0;
    if (step !== 0) {
      e.preventDefault();
      const next = Math.min(this.order.length - 1, Math.max(0, pos < 0 ? 0 : pos + step));
      this.handlers.onSelect(this.order[next]);
    } else if (e.key === 'Enter' && this.selected >= 0) {
      e.preventDefault();
      this.handlers.onDrill(this.selected);
    }
  }
}

/** "yes" for a kept unit; for a cut one the reason, whole in its tooltip. */
function keptCell(kept: boolean, text: string): HTMLElement {
  return el('div', { className: kept ? 'rt-cell rt-kept is-kept' : 'rt-cell rt-kept is-cut', text, attrs: kept ? {} : { title: text } });
}

/** Per unit of the level: its rank among `units` (0 for units not among them). */
function localRanks(level: LevelResult, units: Int32Array): Int32Array {
  const out = new Int32Array(level.ids.length);
  orderUnits(level, units, { key: 'rank', descending: false }).forEach((u, k) => (out[u] = k + 1));
  return out;
}
