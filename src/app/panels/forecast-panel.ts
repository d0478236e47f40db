/**
 * Forecast of the selected site (issue 15): what it would bring in the network's observed unit with
 * its 95 % interval, what it takes from the own outlets (the five it takes most from) and the net,
 * then the own branches with the most similar catchment and what they observe. The figures come
 * from the engine worker (worker/forecast-site.ts); the panel only draws them.
 */
import { formatNumber } from '../../format/number.ts';
import { el } from '../dom.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import type { SiteForecastReply } from '../worker/forecast-site.ts';

/** Whole numbers from 1 up, two significant digits below. */
function amount(x: number): string {
  return Number.isFinite(x) ? formatNumber(Math.abs(x) >= 1 ? Math.round(x) : Number(x.toPrecision(2)), { lang: currentLang() }) : '–';
}

function row(label: string, value: string, className = ''): HTMLElement {
  return el('div', { className: `fc-row ${className}` }, [el('span', { className: 'fc-label', text: label }), el('span', { className: 'fc-value', text: value })]);
}

function list(title: string, items: { name: string; value: string }[]): HTMLElement {
  return el('div', { className: 'fc-list' }, [
    el('h3', { text: title }),
    el('ol', {}, items.map((i) => el('li', {}, [el('span', { className: 'fc-name', text: i.name }), el('span', { className: 'fc-value', text: i.value })]))),
  ]);
}

/** `reply` null: no site selected (the panel says how to get one). */
export function renderForecastPanel(host: HTMLElement, reply: SiteForecastReply | 'loading' | null): void {
  const title = el('h2', { i18n: 'forecast.title' });
  if (reply === null || reply === 'loading') {
    host.replaceChildren(title, el('p', { className: 'muted', i18n: reply === 'loading' ? 'forecast.loading' : 'forecast.pick' }));
    return;
  }
  if (!reply.view) {
    host.replaceChildren(title, el('p', { className: 'muted', i18n: reply.reason === 'no-observed' ? 'forecast.noObserved' : 'forecast.noSite' }));
    return;
  }
  const v = reply.view;
  const fit = `${t('forecast.fit')}: α ${v.fit.alpha.toFixed(2)}${v.fit.beta !== undefined ? `, β ${v.fit.beta.toFixed(2)}` : ''}, R² ${v.fit.r2.toFixed(2)}, ${t('forecast.cvError')} ${v.fit.cvMape.toFixed(1)} % (${t('forecast.baseline')} ${v.fit.baselineCvMape.toFixed(1)} %)`;
  const box = el('div', { className: 'fc-body' }, [
    row(t('forecast.forecast'), `${amount(v.forecast)}  (${amount(v.low)} – ${amount(v.high)})`, 'fc-main'),
    row(t('forecast.cannibalised'), amount(v.cannibalised)),
    row(t('forecast.net'), amount(v.net), 'fc-net'),
    list(t('forecast.transfers'), v.transfers.map((tr) => ({ name: tr.name, value: amount(tr.amount) }))),
    list(`${t('forecast.analogs')} (${t('forecast.analogForecast')} ${amount(v.analogForecast)})`, v.analogs.map((a) => ({ name: a.name, value: `${amount(a.observed)} · ${a.similarity.toFixed(2)}` }))),
    el('p', { className: 'muted', text: fit }),
  ]);
  // The figures behind the text, for tests and assistive tools alike.
  box.dataset.result = JSON.stringify(v);
  host.replaceChildren(title, box);
}
