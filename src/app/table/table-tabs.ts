/** The right column's views: the shown level's ranking, the shortlist across districts, two plans compared. */
import { el } from '../dom.ts';
import { TABLE_VIEWS, type TableView } from '../state/app-state.ts';

export class TableTabs {
  readonly root = el('div', { className: 'table-tabs', attrs: { role: 'tablist' } });
  private readonly buttons: Record<TableView, HTMLButtonElement> = {
    ranking: el('button', { i18n: 'table.title', className: 'tab', attrs: { type: 'button', role: 'tab', id: 'tab-ranking' } }),
    shortlist: el('button', { i18n: 'shortlist.title', className: 'tab', attrs: { type: 'button', role: 'tab', id: 'tab-shortlist' } }),
    compare: el('button', { i18n: 'compare.title', className: 'tab', attrs: { type: 'button', role: 'tab', id: 'tab-compare' } }),
  };

  constructor(onChoose: (view: TableView) => void) {
    for (const view of TABLE_VIEWS) {
      this.buttons[view].addEventListener('click', () => onChoose(view));
      this.root.append(this.buttons[view]);
    }
  }

  show(view: TableView): void {
    for (const v of TABLE_VIEWS) {
      this.buttons[v].setAttribute('aria-selected', String(v === view));
      this.buttons[v].classList.toggle('active', v === view);
    }
  }
}
