/**
 * Translation: one dictionary per language, `t(key)` for code, `data-i18n*` attributes for static
 * markup. A key missing from the active dictionary is recorded (and shown as [key]) so a test can
 * fail on it instead of silently falling back to English.
 */
import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

export type Lang = 'en' | 'zh';
export const LANGS: Lang[] = ['en', 'zh'];

const dictionaries: Record<Lang, Partial<Record<string, string>>> = { en, zh };
let current: Lang = 'en';
const missing = new Set<string>();
const listeners = new Set<() => void>();

export function currentLang(): Lang {
  return current;
}

export function t(key: MessageKey): string {
  const text = dictionaries[current][key];
  if (text === undefined) {
    missing.add(`${current}:${key}`);
    return `[${key}]`;
  }
  return text;
}

/** Keys asked for but absent in a dictionary, as "lang:key". */
export function missingKeys(): string[] {
  return [...missing];
}

/** Keys of the English reference that a dictionary lacks (checked without rendering). */
export function dictionaryGaps(lang: Lang): string[] {
  return Object.keys(en).filter((k) => dictionaries[lang][k] === undefined);
}

function isKey(key: string | undefined): key is MessageKey {
  return key !== undefined && key in en;
}

/** Fills every `data-i18n` (text), `data-i18n-aria`, `data-i18n-title` element under root. */
export function translateTree(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n;
    el.textContent = isKey(key) ? t(key) : `[${key ?? ''}]`;
    if (!isKey(key)) missing.add(`${current}:${key ?? ''}`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) {
    const key = el.dataset.i18nAria;
    if (isKey(key)) el.setAttribute('aria-label', t(key));
    else missing.add(`${current}:${key ?? ''}`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const key = el.dataset.i18nTitle;
    if (isKey(key)) el.title = t(key);
    else missing.add(`${current}:${key ?? ''}`);
  }
}

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  translateTree(document);
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}
