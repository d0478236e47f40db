/** The export buttons under the map: table CSV/GeoJSON, map SVG/PNG, the HTML report. */
import { el } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';

export interface ExportActions {
  csv(): void;
  geojson(): void;
  svg(): void;
  png(): void;
  report(): void;
}

export function renderExportBar(host: HTMLElement, actions: ExportActions): void {
  const button = (key: MessageKey, id: string, action: () => void): HTMLButtonElement => {
    const b = el('button', { i18n: key, attrs: { type: 'button', id } });
    b.addEventListener('click', action);
    return b;
  };
  host.replaceChildren(
    el('span', { i18n: 'export.title', className: 'export-title' }),
    button('export.csv', 'export-csv', actions.csv),
    button('export.geojson', 'export-geojson', actions.geojson),
    button('export.svg', 'export-svg', actions.svg),
    button('export.png', 'export-png', actions.png),
    button('export.report', 'export-report', actions.report),
  );
}
