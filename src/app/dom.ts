/**
 * Small DOM builders. Data from files only ever enters the page through `text` (textContent);
 * nothing here writes HTML from strings.
 */
import type { MessageKey } from './i18n/en.ts';
import { t } from './i18n/i18n.ts';

interface ElOptions {
  /** Translated label: sets data-i18n so a language switch re-labels it. */
  i18n?: MessageKey;
  /** Untranslated text (names from data, numbers). */
  text?: string;
  className?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.i18n) {
    node.dataset.i18n = options.i18n;
    node.textContent = t(options.i18n);
  } else if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A labelled control: <label><span data-i18n>…</span>control</label>. */
export function labelled(key: MessageKey, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'field' }, [el('span', { i18n: key }), control]);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`workbench markup has no #${id}`);
  return node as T;
}
