/**
 * The SQL filter box: a condition over the candidates' columns (`rent < 50000 AND floor_area > 120`)
 * that becomes the scenario's `constraints.filter`. The engine checks it first (one expression,
 * known columns, no statements or file-reading functions) and the message says what is wrong;
 * a valid filter re-runs the funnel, where sites failing it are "filtered out by: …".
 */
import type { Scenario } from '../engine-api.ts';
import { el } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

export interface SqlFilterHandlers {
  /** The engine's verdict on a predicate: the problem in words, or null when it can be applied. */
  check(predicate: string): Promise<{ error: string | null; columns: string[] }>;
  /** The scenario with the filter set (or removed): run it. */
  apply(scenario: Scenario): void;
}

/** The scenario with `filter` as its SQL filter; undefined or blank removes it. */
export function withSqlFilter(scenario: Scenario, filter: string | undefined): Scenario {
  const { filter: _old, ...others } = scenario.constraints;
  const text = filter?.trim() ?? '';
  return { ...scenario, constraints: text === '' ? others : { ...others, filter: text } };
}

export class SqlFilterPanel {
  private readonly input: HTMLInputElement;
  private readonly message: HTMLElement;
  private scenario: Scenario | null = null;

  constructor(host: HTMLElement, private readonly handlers: SqlFilterHandlers) {
    this.input = el('input', { className: 'sql-filter-input', attrs: { type: 'text', id: 'sql-filter', spellcheck: 'false', autocomplete: 'off', placeholder: 'rent < 50000 AND floor_area > 120' } });
    this.input.setAttribute('aria-describedby', 'sql-filter-message');
    this.message = el('p', { className: 'sql-filter-message', attrs: { id: 'sql-filter-message', role: 'status' } });
    const apply = el('button', { i18n: 'sqlFilter.apply', attrs: { type: 'button', id: 'sql-filter-apply' } });
    const clear = el('button', { i18n: 'sqlFilter.clear', attrs: { type: 'button', id: 'sql-filter-clear' } });
    apply.addEventListener('click', () => void this.submit(this.input.value));
    clear.addEventListener('click', () => void this.submit(''));
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void this.submit(this.input.value);
    });
    host.replaceChildren(
      el('h2', { i18n: 'sqlFilter.title' }),
      el('label', { className: 'sql-filter-label', attrs: { for: 'sql-filter' } }, [el('span', { i18n: 'sqlFilter.label' })]),
      this.input,
      el('div', { className: 'sql-filter-buttons' }, [apply, clear]),
      this.message,
    );
  }

  /** The scenario now in force: its filter is shown unless the planner is typing one. */
  show(scenario: Scenario | null): void {
    this.scenario = scenario;
    if (document.activeElement !== this.input) this.input.value = scenario?.constraints.filter ?? '';
  }

  private say(text: string, error: boolean): void {
    this.message.textContent = text;
    this.message.classList.toggle('error', error);
  }

  private async submit(text: string): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return;
    const predicate = text.trim();
    if (predicate === '') {
      this.input.value = '';
      this.say(scenario.constraints.filter ? t('sqlFilter.cleared') : '', false);
      if (scenario.constraints.filter) this.handlers.apply(withSqlFilter(scenario, undefined));
      return;
    }
    const { error } = await this.handlers.check(predicate);
    if (error) {
      this.say(error, true);
      return;
    }
    this.say(`${t('sqlFilter.applied')} ${predicate}`, false);
    this.handlers.apply(withSqlFilter(scenario, predicate));
  }
}
