/** Small HTML builders for the report; every text from data goes through escapeHtml here. */
import { escapeHtml } from '../format/escape-html.ts';

export { escapeHtml };

/** A table cell: numbers right-aligned (text already formatted), text escaped. */
export function td(text: string, numeric = false): string {
  return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
}

export function th(text: string, numeric = false, span = 1): string {
  return `<th${numeric ? ' class="num"' : ''}${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(text)}</th>`;
}

/** `<dl>` of label → already-escaped HTML. */
export function settingsList(entries: [string, string][]): string {
  return `<dl class="settings">${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function figure(markup: string | null, caption: string): string {
  return markup ? `<figure>${markup}<figcaption class="note">${escapeHtml(caption)}</figcaption></figure>` : '';
}
