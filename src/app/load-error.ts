/**
 * What the page shows when the bundle it was asked for cannot be opened (a mistyped ?bundle=
 * address, a folder without bundle.json, a file that is not a manifest): the address, what went
 * wrong, and how to fix it, in place of the map, instead of a blank page.
 */
import { el } from './dom.ts';

export function renderLoadError(host: HTMLElement, address: string, detail: string): void {
  const sample = new URL('./', location.href);
  sample.search = '';
  sample.hash = '';
  host.replaceChildren(
    el('div', { className: 'load-error', attrs: { role: 'alert', id: 'load-error' } }, [
      el('h2', { i18n: 'load.title' }),
      el('p', {}, [el('span', { i18n: 'load.address' }), el('code', { text: ` ${address}`, attrs: { translate: 'no' } })]),
      el('p', {}, [el('span', { i18n: 'load.reason' }), el('span', { text: ` ${detail}`, attrs: { translate: 'no' } })]),
      el('p', { i18n: 'load.fix' }),
      el('p', {}, [el('a', { i18n: 'load.sample', attrs: { href: sample.href } })]),
    ]),
  );
}
