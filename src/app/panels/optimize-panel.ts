/**
 * The optimisation panel: model, p, radius, own outlets kept open, method; Run starts a fresh
 * worker (optimize-run.ts), Cancel terminates it. The result reads as a planner would say it: the
 * objective in its unit (people covered, person-metres, metres), the gap in words ("proved
 * optimal", "within 0.8 % of the best possible"), the new sites listed and the kept own outlets
 * counted. "Automatic" is exact when the model fits and a heuristic with its bound beyond. The
 * chosen sites go to `onResult` so the map can draw them.
 */
import type { ChosenSite, LoadedBundle, ModelName, OptimizeResult } from '../engine-api.ts';
import { el, labelled } from '../dom.ts';
import { formatNumber } from '../../format/number.ts';
import { currentLang } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';
import { curveView } from './optimize-curve-view.ts';
import { CancelledError, startOptimizeRun, type OptimizeRun } from '../worker/optimize-run.ts';
import type { OptimizeMethodChoice, OptimizeRunRequest } from '../worker/optimize-messages.ts';

export interface OptimizePanelSource {
  /** The bundle as the page holds it now, imports included (the engine worker's). */
  bundle(): Promise<LoadedBundle>;
  /** The scenario now in the page (radius defaults, Huff settings), or null before it loads. */
  scenario(): unknown;
  /** Called with each finished run's open sites (new ones first, then the kept ones), or [] when a run starts. */
  onResult?(sites: ChosenSite[], result: OptimizeResult | null): void;
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
  const curve = el('input', { attrs: { type: 'checkbox', id: 'optimize-curve' } });
  const runButton = el('button', { i18n: 'optimize.run', attrs: { type: 'button', id: 'optimize-run' } });
  const cancelButton = el('button', { i18n: 'optimize.cancel', attrs: { type: 'button', id: 'optimize-cancel' } });
  cancelButton.disabled = true;
  const bar = el('progress', { attrs: { id: 'optimize-progress', max: '1', value: '0' } });
  const stage = el('span', { className: 'muted', attrs: { id: 'optimize-stage' } });
  const status = el('p', { attrs: { id: 'optimize-status', role: 'status', 'aria-live': 'polite' } });
  const output = el('div', { attrs: { id: 'optimize-result' } });
  let current: OptimizeRun | null = null;
  /** Counts Run presses, so a bundle arriving for an older press starts nothing. */
  let requests = 0;

  const setState = (state: RunState, detail?: string): void => {
    host.dataset.state = state;
    status.replaceChildren(el('span', { i18n: `optimize.state.${state}` as MessageKey }));
    if (detail) status.append(el('span', { text: `: ${detail}` }));
    const running = state === 'running';
    runButton.disabled = running;
    cancelButton.disabled = !running;
  };

  runButton.addEventListener('click', () => void startRun());
  const startRun = async (): Promise<void> => {
    const options = {
      scenario: source.scenario() ?? null,
      model: model.value as ModelName,
      p: Math.max(1, Math.round(Number(p.value)) || 1),
      radius: Math.max(1, Number(radius.value) || 1500),
      includeNetwork: keep.checked,
      method: method.value as OptimizeMethodChoice,
      curve: curve.checked,
    };
    output.replaceChildren();
    source.onResult?.([], null);
    bar.value = 0;
    current = null;
    setState('running');
    const asked = ++requests;
    let bundle: LoadedBundle;
    try {
      bundle = await source.bundle();
    } catch (error) {
      if (asked === requests) setState('error', error instanceof Error ? error.message : String(error));
      return;
    }
    // Cancelled (or run again) while the bundle was on its way.
    if (asked !== requests || host.dataset.state !== 'running') return;
    const request: OptimizeRunRequest = { bundle, ...options };
    const run = startOptimizeRun(request, (s, fraction) => {
      bar.value = Math.min(1, Math.max(0, fraction));
      stage.textContent = s;
    });
    current = run;
    run.result.then(
      ({ result, curve: points }) => {
        if (current !== run) return;
        bar.value = 1;
        output.replaceChildren(resultView(result), ...(points ? [curveView(points)] : []));
        setState('done');
        source.onResult?.(result.sites, result);
      },
      (e: unknown) => {
        if (current !== run) return;
        if (e instanceof CancelledError) setState('cancelled');
        else setState('error', e instanceof Error ? e.message : String(e));
      },
    );
  };
  cancelButton.addEventListener('click', () => {
    if (current) current.cancel();
    else setState('cancelled');
  });

  host.replaceChildren(
    el('h2', { i18n: 'optimize.title' }),
    labelled('optimize.model', model),
    labelled('optimize.p', p),
    labelled('optimize.radius', radius),
    labelled('optimize.keepNetwork', keep),
    labelled('optimize.method', method),
    labelled('optimize.curve', curve),
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

/** The objective as a number with its unit: what the model counts. */
function objectiveView(r: OptimizeResult): HTMLElement {
  const value = (text: string) => el('span', { text, attrs: { id: 'optimize-objective' } });
  const unit = (key: MessageKey) => el('span', { className: 'optimize-unit', i18n: key });
  switch (r.model) {
    case 'mclp':
      return el('dd', {}, [value(formatNumber(r.objective, { digits: 0, lang: currentLang() })), el('span', { text: ' ' }), unit('optimize.unit.peopleCovered')]);
    case 'lscp':
      return el('dd', {}, [value(formatNumber(r.objective, { digits: 0, lang: currentLang() })), el('span', { text: ' ' }), unit('optimize.unit.sites')]);
    case 'pmedian':
      return el('dd', {}, [value(formatNumber(r.objective, { digits: 0, lang: currentLang() })), el('span', { text: ' ' }), unit('optimize.unit.personMetres')]);
    case 'pcenter':
      return el('dd', {}, [value(formatNumber(r.objective, { digits: 0, lang: currentLang() })), el('span', { text: ' ' }), unit('optimize.unit.metresFarthest')]);
    case 'huff':
      return el('dd', {}, [value(formatNumber(100 * r.objective, { digits: 2, lang: currentLang() })), el('span', { text: ' % ' }), unit('optimize.unit.marketShare')]);
  }
}

/** "proved optimal", or "within 0.8 % of the best possible" (the bound's distance, rounded up). */
function gapView(r: OptimizeResult): HTMLElement {
  if (r.exact) return el('dd', { attrs: { id: 'optimize-gap', 'data-gap': '0' } }, [el('span', { i18n: 'optimize.gap.optimal' })]);
  if (!Number.isFinite(r.gap)) return el('dd', { attrs: { id: 'optimize-gap', 'data-gap': 'unknown' } }, [el('span', { i18n: 'optimize.gap.unknown' })]);
  const pct = r.gap * 100;
  const digits = pct < 0.1 ? 2 : 1;
  const shown = Math.ceil(pct * 10 ** digits) / 10 ** digits;
  return el('dd', { attrs: { id: 'optimize-gap', 'data-gap': String(r.gap) } }, [
    el('span', { i18n: 'optimize.gap.within' }),
    el('span', { text: ` ${formatNumber(shown, { digits, lang: currentLang() })} % ` }),
    el('span', { i18n: 'optimize.gap.ofBest' }),
  ]);
}

function resultView(r: OptimizeResult): HTMLElement {
  const chosen = r.sites.filter((s) => !s.fixed);
  const kept = r.sites.length - chosen.length;
  const facts = el('dl', { className: 'optimize-facts' }, [
    el('dt', { i18n: 'optimize.solution' }),
    el('dd', { attrs: { id: 'optimize-exact', 'data-exact': String(r.exact), 'data-method': r.method } }, [
      el('span', { i18n: r.exact ? 'optimize.solution.exact' : 'optimize.solution.heuristic' }),
    ]),
    el('dt', { i18n: 'optimize.objective' }),
    objectiveView(r),
    el('dt', { i18n: 'optimize.gap' }),
    gapView(r),
    ...row('optimize.coverage', 'optimize-coverage', r.coveragePct === null ? '–' : `${formatNumber(r.coveragePct, { digits: 1, lang: currentLang() })} %`),
    ...row('optimize.meanDistance', 'optimize-mean-distance', formatNumber(r.meanDistance, { digits: 0, lang: currentLang() })),
  ]);
  const ids = el('ol', { className: 'optimize-selected', attrs: { id: 'optimize-selected', style: 'max-height: 12em; overflow: auto' } }, chosen.map((s) => el('li', { text: s.id })));
  const keptLine = kept > 0 ? [el('p', { attrs: { id: 'optimize-kept', 'data-count': String(kept) } }, [el('span', { text: `+ ${formatNumber(kept, { digits: 0, lang: currentLang() })} ` }), el('span', { i18n: 'optimize.keptOpen' })])] : [];
  // The solver's own words stay available for whoever asks, folded away.
  const details = el('details', { className: 'muted' }, [
    el('summary', { i18n: 'optimize.details' }),
    el('dl', {}, [
      ...row('optimize.solverStatus', 'optimize-solver-status', r.status),
      ...row('optimize.bound', 'optimize-bound', `${formatNumber(r.bound, { digits: 4, lang: currentLang() })} (${r.method})`),
    ]),
    ...r.notes.map((n) => el('p', { text: n })),
  ]);
  return el('div', {}, [facts, el('h3', { i18n: 'optimize.selected' }), ids, ...keptLine, details]);
}
