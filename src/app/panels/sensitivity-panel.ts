/**
 * The sensitivity view: the weights of the shown level perturbed 500 times (Dirichlet around the
 * chosen weights, in the worker); per unit the chance of staying in the top k and its 5–95 % rank
 * interval. Robust picks have a long bar and a narrow interval.
 */
import * as Plot from '@observablehq/plot';
import type { LevelResult } from '../engine-api.ts';
import { el, labelled } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { Reply } from '../worker/messages.ts';

type Result = Extract<Reply, { type: 'sensitivity' }>;
export type RunSensitivity = (level: LevelResult, units: Int32Array, topK: number) => Promise<Result>;

const SHOWN = 15;

export function renderSensitivityPanel(host: HTMLElement, level: LevelResult | null, units: Int32Array, run: RunSensitivity): void {
  const topK = el('input', { attrs: { type: 'number', min: '1', step: '1', id: 'sensitivity-k' } });
  topK.value = String(Math.max(1, Math.min(units.length, level ? units.filter((u) => level.kept[u] === 1).length || 3 : 3)));
  const button = el('button', { i18n: 'sensitivity.run', attrs: { type: 'button', id: 'sensitivity-run' } });
  const output = el('div', { className: 'sensitivity-output', attrs: { 'aria-live': 'polite' } });
  button.disabled = !level || units.length < 2;
  button.addEventListener('click', () => {
    if (!level) return;
    button.disabled = true;
    const k = Math.max(1, Math.round(Number(topK.value)) || 1);
    run(level, units, k)
      .then((r) => output.replaceChildren(chart(level, units, r, k)))
      .catch((e: unknown) => output.replaceChildren(el('p', { className: 'error', text: e instanceof Error ? e.message : String(e) })))
      .finally(() => (button.disabled = false));
  });
  host.replaceChildren(el('h2', { i18n: 'sensitivity.title' }), labelled('sensitivity.topK', topK), button, output);
}

function chart(level: LevelResult, units: Int32Array, r: Result, k: number): HTMLElement {
  const rows = [...units.keys()]
    .sort((a, b) => level.rank[units[a]] - level.rank[units[b]])
    .slice(0, SHOWN)
    .map((i) => ({
      name: level.names[units[i]] || level.ids[units[i]],
      p: r.pTopK[i],
      interval: `${r.rankP05[i]}–${r.rankP95[i]}`,
    }));
  const figure = Plot.plot({
    width: 320,
    height: 30 + rows.length * 20,
    marginLeft: 120,
    marginRight: 50,
    x: { domain: [0, 1], label: `${t('sensitivity.pTop')} (k = ${k})` },
    y: { domain: rows.map((d) => d.name), label: null },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'p', fill: '#41ab5d' }),
      Plot.text(rows, { y: 'name', x: 1, text: 'interval', textAnchor: 'start', dx: 4 }),
    ],
  });
  const box = el('div', {}, [figure, el('p', { className: 'muted', i18n: 'sensitivity.note' })]);
  // The figures behind the bars, readable by tests and assistive tools alike.
  box.dataset.result = JSON.stringify(rows);
  return box;
}
