/**
 * The scenario panel: per criterion on/off, a weight slider for the shown level, normalisation and
 * direction; the combination; the funnel cuts; the constraints; save and load. Sliders report every
 * movement (for an instant re-rank) and their release (for a full run of the funnel).
 */
import { directionOf, type Scenario } from '../engine-api.ts';
import { el, labelled } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';
import { t } from '../i18n/i18n.ts';
import * as edit from '../state/scenario-edit.ts';
import { criterionLabel } from './criterion-label.ts';
import { scenarioFileControls, type ScenarioFileHandlers } from './scenario-files.ts';

export interface ScenarioHandlers extends ScenarioFileHandlers {
  /** A slider moved: re-rank now, no full run yet. */
  onWeightInput(scenario: Scenario): void;
  /** A setting changed for good: run the funnel again. */
  onChange(scenario: Scenario): void;
}

const NORMS: Scenario['criteria'][number]['normalise'][] = ['minmax', 'zscore', 'percentile', 'rank', 'none'];
const MAX_WEIGHT = 5;

function select<T extends string>(options: { value: T; label: MessageKey }[], value: string, onChange: (v: T) => void): HTMLSelectElement {
  const s = el('select');
  for (const o of options) s.append(el('option', { i18n: o.label, attrs: { value: o.value } }));
  s.value = value;
  s.addEventListener('change', () => onChange(s.value as T));
  return s;
}

function numberInput(value: number | undefined, onChange: (v: number | undefined) => void, min = 0): HTMLInputElement {
  const input = el('input', { attrs: { type: 'number', min: String(min), step: 'any' } });
  input.value = value === undefined ? '' : String(value);
  input.addEventListener('change', () => {
    const v = input.value.trim() === '' ? undefined : Number(input.value);
    onChange(v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined);
  });
  return input;
}

/** `present`: criteria the shown level was scored with (a site-only attribute has no slider at the region level). */
export function renderScenarioPanel(host: HTMLElement, scenario: Scenario, level: edit.Level, present: ReadonlySet<string>, handlers: ScenarioHandlers): void {
  let current = scenario;
  const commit = (next: Scenario): void => {
    current = next;
    handlers.onChange(next);
  };
  const remembered = new Map<string, number>();
  const rows = scenario.criteria.filter((c) => present.has(c.id)).map((c) => {
    const weight = edit.weightAt(c, level);
    const slider = el('input', { className: 'weight', attrs: { type: 'range', min: '0', max: String(MAX_WEIGHT), step: '0.1', 'data-criterion': c.id } });
    slider.value = String(weight);
    slider.setAttribute('aria-label', `${t('scenario.weight')} ${criterionLabel(scenario, c.id)}`);
    const output = el('output', { text: weight.toFixed(1) });
    const on = el('input', { attrs: { type: 'checkbox', 'data-criterion': c.id } });
    on.checked = weight > 0;
    on.setAttribute('aria-label', `${t('scenario.enabled')} ${criterionLabel(scenario, c.id)}`);
    slider.addEventListener('input', () => {
      output.textContent = Number(slider.value).toFixed(1);
      on.checked = Number(slider.value) > 0;
      current = edit.setWeight(current, c.id, level, Number(slider.value));
      handlers.onWeightInput(current);
    });
    slider.addEventListener('change', () => commit(current));
    on.addEventListener('change', () => {
      const w = on.checked ? (remembered.get(c.id) ?? 1) : 0;
      if (!on.checked) remembered.set(c.id, Number(slider.value) || 1);
      slider.value = String(w);
      output.textContent = w.toFixed(1);
      commit(edit.setWeight(current, c.id, level, w));
    });
    const norm = select(NORMS.map((n) => ({ value: n, label: `norm.${n}` as MessageKey })), c.normalise, (v) => commit(edit.setNormalise(current, c.id, v)));
    const applied = directionOf(c, level);
    const dirValue = typeof applied === 'string' ? applied : 'target' in applied ? 'target' : 'range';
    const dirOptions: { value: string; label: MessageKey }[] = [
      { value: 'higher', label: 'dir.higher' },
      { value: 'lower', label: 'dir.lower' },
      { value: 'target', label: 'dir.target' },
    ];
    if (dirValue === 'range') dirOptions.push({ value: 'range', label: 'dir.range' });
    const target = typeof applied === 'object' && 'target' in applied ? applied.target : undefined;
    const targetInput = numberInput(target, (v) => {
      if (v !== undefined) commit(edit.setDirection(current, c.id, { target: v }));
    });
    targetInput.setAttribute('data-target', c.id);
    const targetField = labelled('scenario.target', targetInput);
    targetField.hidden = dirValue !== 'target';
    const dir = select(dirOptions, dirValue, (v) => {
      if (v === 'higher' || v === 'lower') commit(edit.setDirection(current, c.id, v));
      else if (v === 'target') {
        targetField.hidden = false;
        commit(edit.setDirection(current, c.id, { target: target ?? 10_000 }));
      }
    });
    dir.setAttribute('data-direction', c.id);
    const range = typeof applied === 'object' && 'range' in applied ? applied.range : null;
    const details = el('details', { className: 'criterion-details' }, [
      el('summary', { i18n: 'scenario.details' }),
      labelled('scenario.normalise', norm),
      labelled('scenario.direction', dir),
      targetField,
      ...(range ? [el('p', { className: 'muted', text: `${range[0]} – ${range[1]}` })] : []),
    ]);
    return el('div', { className: 'criterion' }, [
      el('div', { className: 'criterion-head' }, [on, el('span', { className: 'criterion-name', text: criterionLabel(scenario, c.id) }), output]),
      slider,
      details,
    ]);
  });
  const combine = select(
    [
      { value: 'sum', label: 'combine.sum' },
      { value: 'geometric', label: 'combine.geometric' },
    ],
    scenario.combine,
    (v: Scenario['combine']) => commit(edit.setCombine(current, v)),
  );
  const cut = (key: 'regions' | 'districts' | 'sites', label: MessageKey): HTMLElement =>
    labelled(label, numberInput(scenario.funnel[key].topK, (v) => commit(edit.setTopK(current, key, v)), 1));
  const constraint = (key: 'minDistanceToOwn' | 'minSpacing' | 'topNPerRegion', label: MessageKey): HTMLElement =>
    labelled(label, numberInput(scenario.constraints[key], (v) => commit(edit.setConstraint(current, key, v))));
  const run = el('button', { i18n: 'scenario.run', className: 'primary', attrs: { type: 'button', id: 'run-funnel' } });
  run.addEventListener('click', () => commit(current));
  host.replaceChildren(
    el('h2', { i18n: 'scenario.title' }),
    el('fieldset', {}, [
      el('legend', {}, [el('span', { i18n: 'scenario.criteria' }), el('span', { text: ' · ' }), el('span', { i18n: `scenario.level.${level}` })]),
      ...rows,
      labelled('scenario.combine', combine),
    ]),
    el('fieldset', {}, [el('legend', { i18n: 'scenario.funnel' }), cut('regions', 'scenario.keepRegions'), cut('districts', 'scenario.keepDistricts'), cut('sites', 'scenario.keepSites')]),
    el('fieldset', {}, [
      el('legend', { i18n: 'scenario.constraints' }),
      constraint('minDistanceToOwn', 'scenario.minOwnDistance'),
      constraint('minSpacing', 'scenario.minSpacing'),
      labelled('scenario.maxRent', numberInput(scenario.constraints.maxAttribute?.rent, (v) => commit(edit.setMaxRent(current, v)))),
      constraint('topNPerRegion', 'scenario.topPerRegion'),
    ]),
    el('div', { className: 'buttons' }, [run, ...scenarioFileControls(() => current, handlers)]),
  );
}
