/**
 * The Compare view: plan A (a plan the planner kept) against plan B (what the page shows now) —
 * the kept sites that enter and leave the shortlist, the moves in rank and score of the sites in
 * both, and for the selected site the points each criterion gives it under each plan. Choosing a
 * row opens the site (when plan B compared it).
 */
import { comparePlans, criterionDeltas, type LevelResult, type ShortlistEntry } from '../engine-api.ts';
import { el } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';

export interface PlanSide {
  name: string;
  shortlist: ShortlistEntry[];
  sites: LevelResult;
}

export interface CompareHandlers {
  onKeep(): void;
  onClear(): void;
  /** A site by id (plan B's funnel opens it if it compared it). */
  onPick(id: string): void;
}

const score = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–');
const signed = (v: number): string => (!Number.isFinite(v) ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`);
const place = (s: { district: string; region: string }): string => [s.district, s.region].filter(Boolean).join(' · ');

function nameCell(name: string, where: string): HTMLTableCellElement {
  return el('td', { className: 'sl-name', attrs: { translate: 'no' } }, [el('span', { className: 'sl-site', text: name }), el('span', { className: 'sl-where', text: where })]);
}

function table(id: string, head: MessageKey[], rows: HTMLTableRowElement[]): HTMLElement {
  return el('table', { className: 'shortlist-table compare-table', attrs: { id } }, [el('thead', {}, [el('tr', {}, head.map((k) => el('th', { i18n: k })))]), el('tbody', {}, rows)]);
}

export class CompareView {
  readonly root = el('div', { className: 'compare', attrs: { id: 'compare-view' } });

  constructor(private readonly handlers: CompareHandlers) {
    this.root.addEventListener('click', (e) => {
      const row = e.target instanceof Element ? e.target.closest<HTMLElement>('tr[data-id]') : null;
      if (row?.dataset.id) handlers.onPick(row.dataset.id);
    });
  }

  /** `label` names a criterion in the page's language. */
  show(a: PlanSide | null, b: PlanSide | null, selectedId: string | null, label: (criterion: string) => string): void {
    const keep = el('button', { i18n: a ? 'compare.replace' : 'compare.keep', attrs: { type: 'button', id: 'compare-keep' } });
    keep.addEventListener('click', () => this.handlers.onKeep());
    const actions = el('div', { className: 'compare-actions' }, [keep]);
    if (a) {
      const clear = el('button', { i18n: 'compare.clear', attrs: { type: 'button', id: 'compare-clear' } });
      clear.addEventListener('click', () => this.handlers.onClear());
      actions.append(clear);
    }
    if (!a || !b) {
      this.root.replaceChildren(actions, el('p', { className: 'muted', i18n: 'compare.none' }));
      return;
    }
    const diff = comparePlans(a.shortlist, b.shortlist);
    const summary = el('p', { className: 'compare-summary' }, [
      el('strong', { i18n: 'compare.planA' }), document.createTextNode(` ${a.name} · ${a.shortlist.length} `), el('span', { i18n: 'compare.kept' }),
      el('br'),
      el('strong', { i18n: 'compare.planB' }), document.createTextNode(` ${b.name} · ${b.shortlist.length} `), el('span', { i18n: 'compare.kept' }),
    ]);
    const row = (id: string, cells: HTMLTableCellElement[]): HTMLTableRowElement =>
      el('tr', { className: id === selectedId ? 'selected' : '', attrs: { 'data-id': id, tabindex: '0' } }, cells);
    const num = (text: string): HTMLTableCellElement => el('td', { className: 'num', text });
    const parts: HTMLElement[] = [actions, summary];
    const section = (key: MessageKey, count: number, body: HTMLElement | null): void => {
      parts.push(el('h3', {}, [el('span', { i18n: key }), document.createTextNode(` (${count})`)]));
      if (body) parts.push(body);
    };
    section('compare.entering', diff.entering.length, diff.entering.length ? table('compare-entering', ['table.rank', 'table.name', 'table.score'], diff.entering.map((s) => row(s.id, [num(String(s.rank)), nameCell(s.name, place(s)), num(score(s.score))]))) : null);
    section('compare.leaving', diff.leaving.length, diff.leaving.length ? table('compare-leaving', ['table.rank', 'table.name', 'table.score'], diff.leaving.map((s) => row(s.id, [num(String(s.rank)), nameCell(s.name, place(s)), num(score(s.score))]))) : null);
    section('compare.both', diff.both.length, diff.both.length ? table('compare-both', ['compare.rankAB', 'table.name', 'compare.scoreB', 'compare.delta'], diff.both.map((s) => row(s.id, [num(`${s.rankA} → ${s.rankB}`), nameCell(s.name, place(s)), num(score(s.scoreB)), num(signed(s.scoreB - s.scoreA))]))) : null);
    if (!diff.entering.length && !diff.leaving.length) parts.push(el('p', { className: 'muted', i18n: 'compare.same' }));
    parts.push(this.points(a, b, selectedId, label));
    this.root.replaceChildren(...parts);
  }

  /** The selected site's points per criterion under each plan, and the difference. */
  private points(a: PlanSide, b: PlanSide, id: string | null, label: (criterion: string) => string): HTMLElement {
    const title = el('h3', { i18n: 'compare.points' });
    if (!id) return el('div', {}, [title, el('p', { className: 'muted', i18n: 'compare.selectHint' })]);
    const rows = criterionDeltas(a.sites, b.sites, id);
    const ia = a.sites.ids.indexOf(id);
    const ib = b.sites.ids.indexOf(id);
    const name = b.sites.names[ib] || a.sites.names[ia] || id;
    const total = (s: LevelResult, i: number): number => (i >= 0 ? s.score[i] : NaN);
    const body = [
      ...rows.map((r) => el('tr', {}, [el('td', { text: label(r.criterion) }), el('td', { className: 'num', text: score(r.pointsA) }), el('td', { className: 'num', text: score(r.pointsB) }), el('td', { className: 'num', text: signed(r.pointsB - r.pointsA) })])),
      el('tr', { className: 'total' }, [el('td', { i18n: 'breakdown.total' }), el('td', { className: 'num', text: score(total(a.sites, ia)) }), el('td', { className: 'num', text: score(total(b.sites, ib)) }), el('td', { className: 'num', text: signed(total(b.sites, ib) - total(a.sites, ia)) })]),
    ];
    return el('div', {}, [
      title,
      el('p', { className: 'compare-site', text: `${name} (${id})`, attrs: { translate: 'no' } }),
      el('table', { className: 'breakdown-table', attrs: { id: 'compare-points' } }, [
        el('thead', {}, [el('tr', {}, (['breakdown.criterion', 'compare.planA', 'compare.planB', 'compare.delta'] as const).map((k) => el('th', { i18n: k })))]),
        el('tbody', {}, body),
      ]),
    ]);
  }
}
