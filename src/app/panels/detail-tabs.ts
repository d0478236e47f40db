/**
 * The selected unit's two readings, one above the other would push the breakdown below the fold:
 * its score breakdown and its forecast share one place under the table, as two tabs. The Forecast
 * tab carries the forecast figure itself, so the planner sees it without switching.
 */
import { el } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';

export type DetailView = 'breakdown' | 'forecast';

export class DetailTabs {
  readonly root = el('div', { className: 'table-tabs detail-tabs', attrs: { role: 'tablist' } });
  private readonly figure = el('span', { className: 'tab-figure', attrs: { translate: 'no' } });
  private readonly buttons: Record<DetailView, HTMLButtonElement>;
  private view: DetailView = 'breakdown';

  constructor(private readonly panels: Record<DetailView, HTMLElement>) {
    const tab = (view: DetailView, key: MessageKey, extra: HTMLElement[] = []): HTMLButtonElement => {
      const button = el('button', { className: 'tab', attrs: { type: 'button', role: 'tab', id: `tab-${view}`, 'aria-controls': panels[view].id } }, [el('span', { i18n: key }), ...extra]);
      button.addEventListener('click', () => this.show(view));
      return button;
    };
    this.buttons = { breakdown: tab('breakdown', 'breakdown.title'), forecast: tab('forecast', 'forecast.title', [this.figure]) };
    this.root.append(this.buttons.breakdown, this.buttons.forecast);
    panels.breakdown.before(this.root);
    for (const panel of Object.values(panels)) panel.classList.add('detail-panel');
    this.show('breakdown');
  }

  show(view: DetailView): void {
    this.view = view;
    for (const v of ['breakdown', 'forecast'] as const) {
      this.buttons[v].setAttribute('aria-selected', String(v === view));
      this.buttons[v].classList.toggle('active', v === view);
      this.panels[v].hidden = v !== view;
    }
  }

  get shown(): DetailView {
    return this.view;
  }

  /** The selected site's forecast on its tab ('' none). */
  setFigure(text: string): void {
    this.figure.textContent = text ? ` ${text}` : '';
  }
}
