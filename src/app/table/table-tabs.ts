/** The right column's two views: the shown level's ranking, or the shortlist across districts. */
import { el } from '../dom.ts';
import type { TableView } from '../state/app-state.ts';

export class TableTabs {
  readonly root = el('div', { className: 'table-tabs', attrs: { role: 'tablist' } });
  private readonly buttons: Record<TableView, HTMLButtonElement> = {
    ranking: el('button', { i18n: 'table.title', className: 'tab', attrs: { type: 'button', role: 'tab', id: 'tab-ranking' } }),
    shortlist: el('button', { i18n: 'shortlist.title', className: 'tab', attrs: { type: 'button', role: 'tab', id: 'tab-shortlist' } }),
  };

  constructor(onChoose: (view: TableView) => void) {
    for (const view of ['ranking', 'shortlist'] as const) {
      this.buttons[view].addEventListener('click', () => onChoose(view));
      this.root.append(this.buttons[view]);
    }
  }

  show(view: TableView): void {
    for (const v of ['ranking', 'shortlist'] as const) {
      this.buttons[v].setAttribute('aria-selected', String(v === view));
      this.buttons[v].classList.toggle('active', v === view);
    }
  }
}
