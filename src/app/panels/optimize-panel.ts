/**
 * The optimisation panel: model, p, radius, own outlets kept open, method; Run starts a fresh
 * worker (optimize-run.ts), Cancel terminates it. The result is shown as text: exact or heuristic,
 * objective, bound, gap, coverage, mean distance and the selected site ids.
 */
import type { ModelName, OptimizeResult } from '../engine-api.ts';
import { el, formatNumber, labelled } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';
import { CancelledError, startOptimizeRun, type OptimizeRun } from '../worker/optimize-run.ts';
import type { OptimizeMethodChoice, OptimizeRunRequest } from '../worker/optimize-messages.ts';

export interface OptimizePanelSource {
  baseUrl: string;
  /** The scenario now in the page (radius defaults, Huff settings), or null before it loads. */
  scenario(): unknown;
}

type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

const MODELS: ModelName[] = ['mclp', 'lscp', 'pmedian', 'pcenter', 'huff'];
const METHODS: OptimizeMethodChoice[] = ['auto', 'exact', 'heuristic'];

function select<T extends string>(id: string, values: T[], keyOf: (v: T) => MessageKey): HTMLSelectElement {
  return el('select', { attrs: { id } }, values.map((v) => el('option', { i18n: keyOf(v), attrs: { value: v } })));
}

function numberInput(id: string, value: number, min: number, step: number): HTMLInputElement {
  const input = el('input', { attrs: { type: 'number', id, min: String(min), step: String(step) } });
  input.value = String(value);
  return input;
}

export function renderOptimizePanel(host: HTMLElement, source: OptimizePanelSource): void {
  const model = select('optimize-model', MODELS, (m) => `optimize.model.${m}` as MessageKey);
  const p = numberInput('optimize-p', 3, 1, 1);
  const radius = numberInput('optimize-radius', 1500, 1, 100);
  const keep = el('input', { attrs: { type: 'checkbox', id: 'optimize-keep' } });
  keep.checked = true;
  const method = select('optimize-method', METHODS, (m) => `optimize.method.${m}` as MessageKey);
  const runButton = el('button', { i18n: 'optimize.run', attrs: { type: 'button', id: 'optimize-run' } });
  const cancelButton = el('button', { i18n: 'optimize.cancel', attrs: { type: 'button', id: 'optimize-cancel' } });
  cancelButton.disabled = true;
  const bar = el('progress', { attrs: { id: 'optimize-progress', max: '1', value: '0' } });
  const stage = el('span', { className: 'muted', attrs: { id: 'optimize-stage' } });
  const status = el('p', { attrs: { id: 'optimize-status', role: 'status', 'aria-live': 'polite' } });
  const output = el('div', { attrs: { id: 'optimize-result' } });
  let current: OptimizeRun | null = null;

  const setState = (state: RunState, detail?: string): void => {
    host.dataset.state = state;
    status.replaceChildren(el('span', { i18n: `optimize.state.${state}` as MessageKey }));
    if (detail) status.append(el('span', { text: `: ${detail}` }));
    const running = state === 'running';
    runButton.disabled = running;
    cancelButton.disabled = !running;
  };

  runButton.addEventListener('click', () => {
    const request: OptimizeRunRequest = {
      baseUrl: source.baseUrl,
      scenario: source.scenario() ?? null,
      model: model.value as ModelName,
      p: Math.max(1, Math.round(Number(p.value)) || 1),
      radius: Math.max(1, Number(radius.value) || 1500),
      includeNetwork: keep.checked,
      method: method.value as OptimizeMethodChoice,
    };
    output.replaceChildren();
    bar.value = 0;
    setState('running');
    const run = startOptimizeRun(request, (s, fraction) => {
      bar.value = Math.min(1, Math.max(0, fraction));
      stage.textContent = s;
    });
    current = run;
    run.result.then(
      (result) => {
        if (current !== run) return;
        bar.value = 1;
        output.replaceChildren(resultView(result));
        setState('done');
      },
      (e: unknown) => {
        if (current !== run) return;
        if (e instanceof CancelledError) setState('cancelled');
        else setState('error', e instanceof Error ? e.message : String(e));
      },
    );
  });
  cancelButton.addEventListener('click', () => current?.cancel());

  host.replaceChildren(
    el('h2', { i18n: 'optimize.title' }),
    labelled('optimize.model', model),
    labelled('optimize.p', p),
    labelled('optimize.radius', radius),
    labelled('optimize.keepNetwork', keep),
    labelled('optimize.method', method),
    el('div', { className: 'optimize-buttons' }, [runButton, cancelButton]),
    labelled('optimize.progress', bar),
    stage,
    status,
    output,
  );
  setState('idle');
}

function row(key: MessageKey, id: string, value: string): HTMLElement[] {
  return [el('dt', { i18n: key }), el('dd', { text: value, attrs: { id } })];
}

function resultView(r: OptimizeResult): HTMLElement {
  const facts = el('dl', { className: 'optimize-facts' }, [
    el('dt', { i18n: 'optimize.solution' }),
    el('dd', { attrs: { id: 'optimize-exact', 'data-exact': String(r.exact) } }, [
      el('span', { i18n: r.exact ? 'optimize.solution.exact' : 'optimize.solution.heuristic' }),
      el('span', { text: ` · ${r.method}` }),
    ]),
    ...row('optimize.objective', 'optimize-objective', formatNumber(r.objective, 4)),
    ...row('optimize.bound', 'optimize-bound', formatNumber(r.bound, 4)),
    ...row('optimize.gap', 'optimize-gap', `${formatNumber(r.gap * 100, 2)} %`),
    ...row('optimize.coverage', 'optimize-coverage', r.coveragePct === null ? '–' : `${formatNumber(r.coveragePct, 1)} %`),
    ...row('optimize.meanDistance', 'optimize-mean-distance', formatNumber(r.meanDistance, 0)),
    ...row('optimize.solverStatus', 'optimize-solver-status', r.status),
  ]);
  const ids = el('ol', { className: 'optimize-selected', attrs: { id: 'optimize-selected', style: 'max-height: 12em; overflow: auto' } }, r.selectedIds.map((id) => el('li', { text: id })));
  return el('div', {}, [facts, el('h3', { i18n: 'optimize.selected' }), ids, ...r.notes.map((n) => el('p', { className: 'muted', text: n }))]);
}
