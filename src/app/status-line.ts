/** The status line: a translated message plus an untranslated detail (a file name, a time, an error). */
import { byId } from './dom.ts';
import type { MessageKey } from './i18n/en.ts';
import { onLangChange, t } from './i18n/i18n.ts';

export type Say = (key: MessageKey, detail?: string) => void;

export function statusLine(): Say {
  const host = byId('status');
  let last: [MessageKey, string | undefined] | null = null;
  const paint = (): void => {
    if (!last) return;
    const [key, detail] = last;
    host.textContent = detail === undefined ? t(key) : `${t(key)}${key === 'status.error' ? ': ' : ' · '}${detail}`;
  };
  onLangChange(paint);
  return (key, detail) => {
    last = [key, detail];
    paint();
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
