/**
 * The data panel: drop or pick files; per file choose its layer, encoding and coordinate system and
 * map its columns to roles (lon/lat and the usual names pre-filled); load it and see its report.
 * Reading and parsing happen in the engine worker, with progress.
 */
import { CRS_NAMES, LAYER_NAMES, type LayerEntry, type LayerName, type LayerReport } from '../engine-api.ts';
import { el, labelled } from '../dom.ts';
import type { MessageKey } from '../i18n/en.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { formatNumber } from '../../format/number.ts';
import type { FileInspection } from '../worker/messages.ts';
import { guessLayer, guessRoles, LAYER_ROLES } from './column-roles.ts';
import { renderLayerReport } from './layer-report.ts';
import { proposeImport, type ProposeFiles, type StartCity } from './import-proposal.ts';

export interface DataPanelEngine {
  inspect(file: File, layer: LayerName): Promise<FileInspection>;
  load(file: File, entry: LayerEntry, progress: (fraction: number) => void, mode: ImportMode): Promise<{ report: LayerReport; sums: Record<string, number>; sumsBy: 'duckdb' | 'js' }>;
  /** Rows the layer holds now (0 none): the planner then chooses to replace them or add to them. */
  count(layer: LayerName): number;
  /** Several files dropped at once: layers and roles proposed as `siteselect init` does (io). */
  propose?: ProposeFiles;
  /** Several files with their own areas loaded together: the bundle loaded so far is dropped first. */
  startCity?: StartCity;
}

export type ImportMode = 'replace' | 'append';

function options(select: HTMLSelectElement, values: readonly string[], label: (v: string) => string | MessageKey, translated: boolean): void {
  for (const v of values) {
    select.append(translated ? el('option', { i18n: label(v) as MessageKey, attrs: { value: v } }) : el('option', { text: label(v), attrs: { value: v } }));
  }
}

/** Ids for aria-labelledby links between mapping rows and their headers. */
let uid = 0;

function fileCard(file: File, engine: DataPanelEngine): HTMLElement {
  const layer = el('select', { className: 'layer-select' });
  options(layer, LAYER_NAMES, (v) => `layer.${v}`, true);
  layer.value = guessLayer(file.name);
  const encoding = el('select', { className: 'encoding-select' });
  encoding.append(el('option', { i18n: 'data.auto', attrs: { value: '' } }));
  options(encoding, ['utf-8', 'gbk', 'gb18030'], (v) => v, false);
  const crs = el('select', { className: 'crs-select' });
  options(crs, CRS_NAMES, (v) => ({ wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09', epsg3857: 'EPSG:3857' })[v] ?? v, false);
  const mapping = el('div', { className: 'column-mapping' });
  // The layer has rows already: replace them or add the file's rows to them (the planner chooses).
  const mode = el('select', { className: 'mode-select' });
  mode.append(el('option', { i18n: 'data.mode.replace', attrs: { value: 'replace' } }), el('option', { i18n: 'data.mode.append', attrs: { value: 'append' } }));
  const held = el('span', { className: 'muted mode-count', attrs: { translate: 'no' } });
  const modeField = el('div', { className: 'mode-field' }, [labelled('data.mode', mode), held]);
  const paintMode = (): void => {
    const n = engine.count(layer.value as LayerName);
    modeField.hidden = n === 0;
    held.textContent = `${formatNumber(n, { lang: currentLang() })} ${t('data.mode.held')}`;
  };
  paintMode();
  const progress = el('progress', { attrs: { max: '1', value: '0' } });
  progress.hidden = true;
  const output = el('div', { className: 'file-output', attrs: { 'aria-live': 'polite' } });
  const load = el('button', { i18n: 'data.load', className: 'primary load-layer', attrs: { type: 'button' } });
  const card = el('article', { className: 'file-card', attrs: { 'data-file': file.name } }, [
    el('h3', { text: file.name, attrs: { translate: 'no' } }),
    labelled('data.layer', layer),
    labelled('data.encoding', encoding),
    labelled('data.crs', crs),
    modeField,
    mapping,
    load,
    progress,
    output,
  ]);
  let inspection: FileInspection | null = null;
  const roleHeaderId = `role-head-${++uid}`;
  const fail = (error: unknown): void => {
    output.replaceChildren(el('p', { className: 'error', text: `${t('data.refused')}: ${error instanceof Error ? error.message : String(error)}` }));
  };
  const paintMapping = (): void => {
    if (!inspection) return;
    const allowed = LAYER_ROLES[layer.value as LayerName].filter((r) => !(inspection?.hasGeometry && (r === 'lon' || r === 'lat' || r === 'wkt')));
    const roles = guessRoles(inspection.columns, allowed);
    const rows = inspection.columns.map((column) => {
      const role = el('select', { className: 'role-select', attrs: { 'data-column': column } });
      // Labelled by the (translated) "Role" header and the column's name, so a language switch relabels it.
      const columnId = `col-${++uid}`;
      role.setAttribute('aria-labelledby', `${roleHeaderId} ${columnId}`);
      role.append(el('option', { i18n: 'data.unmapped', attrs: { value: '' } }));
      options(role, allowed, (v) => `role.${v}`, true);
      role.value = roles[column] ?? '';
      // One column per role: choosing a role here takes it away from any other column.
      role.addEventListener('change', () => {
        for (const other of mapping.querySelectorAll<HTMLSelectElement>('select.role-select')) {
          if (other !== role && other.value === role.value) other.value = '';
        }
      });
      const sample = inspection?.sample[column].join(' · ') ?? '';
      return el('tr', {}, [el('td', { text: column, attrs: { id: columnId, translate: 'no' } }), el('td', { className: 'sample', text: sample, attrs: { translate: 'no' } }), el('td', {}, [role])]);
    });
    mapping.replaceChildren(
      el('table', {}, [el('thead', {}, [el('tr', {}, [el('th', { i18n: 'data.column' }), el('th', { text: '' }), el('th', { i18n: 'data.role', attrs: { id: roleHeaderId } })])]), el('tbody', {}, rows)]),
    );
  };
  layer.addEventListener('change', () => {
    paintMapping();
    paintMode();
  });
  load.addEventListener('click', () => {
    const columns: Record<string, string> = {};
    for (const select of mapping.querySelectorAll<HTMLSelectElement>('select.role-select')) {
      if (select.value !== '') columns[select.value] = select.dataset.column ?? '';
    }
    // A role set to one value for the whole file (a proposal's mode from the file name), unless a column now feeds it.
    const constants = JSON.parse(card.dataset.roleConstants ?? '{}') as Record<string, { value: string | number }>;
    const entry: LayerEntry = { layer: layer.value as LayerName, file: file.name, columns: { ...constants, ...columns }, crs: crs.value as LayerEntry['crs'] };
    if (encoding.value !== '') entry.encoding = encoding.value as LayerEntry['encoding'];
    progress.hidden = false;
    load.disabled = true;
    engine
      .load(file, entry, (f) => (progress.value = f), modeField.hidden ? 'replace' : (mode.value as ImportMode))
      .then(({ report, sums, sumsBy }) => {
        output.replaceChildren(renderLayerReport(report, sums, sumsBy));
        paintMode();
      }, fail)
      .finally(() => {
        progress.hidden = true;
        load.disabled = false;
      });
  });
  engine.inspect(file, layer.value as LayerName).then((result) => {
    inspection = result;
    paintMapping();
  }, fail);
  return card;
}

export function renderDataPanel(host: HTMLElement, engine: DataPanelEngine): void {
  const input = el('input', { attrs: { type: 'file', multiple: '', id: 'data-files', class: 'visually-hidden' } });
  const cards = el('div', { className: 'file-cards' });
  const add = (files: FileList | null): void => {
    for (const file of files ?? []) cards.append(fileCard(file, engine));
    if (files && files.length > 1 && engine.propose) proposeImport([...files], cards, engine.propose, engine.startCity);
  };
  input.addEventListener('change', () => {
    add(input.files);
    input.value = '';
  });
  const pick = el('label', { className: 'button', attrs: { for: 'data-files', tabindex: '0', role: 'button' } }, [el('span', { i18n: 'data.pick' })]);
  pick.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  const zone = el('div', { className: 'drop-zone' }, [el('p', { i18n: 'data.drop' }), pick, input]);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    add(e.dataTransfer?.files ?? null);
  });
  host.replaceChildren(el('h2', { i18n: 'data.title' }), zone, cards);
}
