/** Scenario save/load buttons: browser storage and JSON files. */
import type { Scenario } from '../engine-api.ts';
import { el } from '../dom.ts';
import { scenarioBlob } from '../state/scenario-storage.ts';
import { downloadBlob } from '../export/download.ts';

export interface ScenarioFileHandlers {
  onSaveBrowser(scenario: Scenario): void;
  onLoadBrowser(): void;
  onOpenFile(file: File): void;
}

export function scenarioFileControls(current: () => Scenario, handlers: ScenarioFileHandlers): HTMLElement[] {
  const button = (key: 'scenario.save' | 'scenario.load' | 'scenario.download', id: string, action: () => void): HTMLButtonElement => {
    const b = el('button', { i18n: key, attrs: { type: 'button', id } });
    b.addEventListener('click', action);
    return b;
  };
  const fileInput = el('input', { attrs: { type: 'file', accept: '.json,application/json', id: 'scenario-file', class: 'visually-hidden' } });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) handlers.onOpenFile(file);
    fileInput.value = '';
  });
  const open = el('label', { className: 'button', attrs: { for: 'scenario-file', tabindex: '0', role: 'button' } }, [el('span', { i18n: 'scenario.upload' })]);
  open.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fileInput.click();
    }
  });
  return [
    button('scenario.save', 'scenario-save', () => handlers.onSaveBrowser(current())),
    button('scenario.load', 'scenario-load', () => handlers.onLoadBrowser()),
    button('scenario.download', 'scenario-download', () => downloadBlob(scenarioBlob(current()), `${current().name.replace(/[^\w.-]+/g, '_')}.json`)),
    open,
    fileInput,
  ];
}
