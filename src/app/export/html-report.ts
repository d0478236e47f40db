/**
 * A one-file HTML report: the map (inline SVG), the ranked table with its breakdown, and the
 * scenario. Built as a DOM and serialised, so names from data are escaped text; the report's own
 * CSP forbids it from loading or running anything.
 */
import type { LevelResult, Scenario } from '../engine-api.ts';
import { t } from '../i18n/i18n.ts';
import { criterionLabel } from '../panels/criterion-label.ts';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:nth-child(2),th:nth-child(2){text-align:left}
pre{background:#f6f6f6;padding:1em;overflow:auto}.note{color:#a33}`;

export interface ReportInput {
  bundleName: string;
  synthetic: boolean;
  levelTitle: string;
  level: LevelResult;
  order: ArrayLike<number>;
  scenario: Scenario;
  map: SVGSVGElement | null;
  maxRows?: number;
}

export function htmlReport(input: ReportInput): string {
  const doc = document.implementation.createHTMLDocument(t('report.title'));
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  };
  const meta = add(doc.head, 'meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  doc.head.prepend(charset);
  add(doc.head, 'style', STYLE);
  const body = doc.body;
  add(body, 'h1', `${t('report.title')} — ${input.bundleName}`);
  if (input.synthetic) add(body, 'p', t('app.synthetic')).className = 'note';
  add(body, 'p', `${t('report.generated')}: ${new Date().toISOString()}`);
  if (input.map) body.append(doc.importNode(input.map, true));
  add(body, 'h2', input.levelTitle);
  const table = add(body, 'table');
  const head = add(add(table, 'thead'), 'tr');
  for (const label of [t('table.rank'), t('table.name'), t('table.score'), t('table.kept')]) add(head, 'th', label);
  for (const c of input.level.criteria) add(head, 'th', `${criterionLabel(input.scenario, c.name)} · ${t('breakdown.contribution')}`);
  const tbody = add(table, 'tbody');
  const rows = Math.min(input.order.length, input.maxRows ?? 500);
  for (let k = 0; k < rows; k++) {
    const u = input.order[k];
    const tr = add(tbody, 'tr');
    add(tr, 'td', String(input.level.rank[u]));
    add(tr, 'td', input.level.names[u] || input.level.ids[u]);
    add(tr, 'td', input.level.score[u].toFixed(1));
    add(tr, 'td', input.level.kept[u] ? t('table.yes') : t('table.no'));
    for (const c of input.level.criteria) add(tr, 'td', c.contribution[u].toFixed(2));
  }
  add(body, 'h2', t('report.scenario'));
  add(body, 'pre', JSON.stringify(input.scenario, null, 2));
  return '<!doctype html>\n' + doc.documentElement.outerHTML + '\n';
}
