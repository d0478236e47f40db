/**
 * "What the kept sites would bring", in the report when it was drawn with a calibration: how well
 * the model fits the own network (against the naive baseline), then per kept site the forecast with
 * its 95 % interval, what it takes from the own network and the net, as a chart and a table with the
 * own outlets each site takes most from. The numbers come worked out (src/forecast/report-forecast.ts).
 */
import * as Plot from '@observablehq/plot';
import type { ReportForecast } from '../forecast/report-forecast.ts';
import { formatNumber } from '../format/number.ts';
import { escapeHtml, figure, td, th } from './html.ts';
import { plotMarkup } from './plot-markup.ts';

/** Amounts in the observed unit: whole numbers from 1 up, two significant digits below; digit groups never break a line. */
function forecastAmount(x: number): string {
  return Number.isFinite(x) ? formatNumber(Math.abs(x) >= 1 ? Math.round(x) : Number(x.toPrecision(2))).replace(/ /g, '\u202f') : '–';
}

function fitSentence(f: ReportForecast['calibration']): string {
  const term = (name: string, value: number | undefined) => (value === undefined ? [] : [`${name} = ${value.toFixed(3)} ± ${(f.se[name] ?? NaN).toFixed(3)}`]);
  const terms = [
    ...(f.fitAlpha ? term('alpha', f.alpha).map((t) => t.replace('alpha', 'α')) : []),
    ...Object.entries(f.coefficients).map(([name, g]) => `γ(${name}) = ${g.toFixed(3)} ± ${(f.se[`gamma_${name}`] ?? NaN).toFixed(3)}`),
    ...term('beta', f.beta).map((t) => t.replace('beta', 'β')),
    ...term('lambda', f.lambda).map((t) => t.replace('lambda', 'λ').replace(/ = ([\d.]+)/, ' = $1 m')),
  ];
  // "observed" is the bundle role's name, not the column's: say what it means instead.
  const on = f.likelihood === 'flows' ? 'customers by origin and outlet' : f.observed === 'observed' ? 'the own outlets\' observed performance' : `the own outlets' ${f.observed}`;
  const earns = f.cv_mape < f.baseline_cv_mape
    ? 'the model predicts outlets it was not fitted on better than the baseline does'
    : 'the model does not predict unseen outlets better than the baseline: read its forecasts with care';
  return `Huff model calibrated on ${on} (${formatNumber(f.n)} outlets): ${terms.join(', ')} (± one standard error). R² ${f.r2.toFixed(3)}; ${f.folds}-fold cross-validated error ${f.cv_mape.toFixed(1)} % per outlet against ${f.baseline_cv_mape.toFixed(1)} % for a naive baseline (a straight line in the demand within 1 km): ${earns}.`;
}

export function forecastSection(document: Document, forecast: ReportForecast | undefined): string {
  if (!forecast) return '';
  const unit = forecast.calibration.observed === 'observed' ? 'observed unit' : forecast.calibration.observed;
  const intro = `<p>${escapeHtml(fitSentence(forecast.calibration))}</p>`;
  if (forecast.sites.length === 0) return `<section id="forecast"><h2>Forecast</h2>\n${intro}\n<p>No candidate site was kept, so none is forecast.</p>\n</section>`;
  const rows = forecast.sites.map((s) => ({ ...s, label: `${s.rank}. ${s.name || s.id}` }));
  const chart = plotMarkup(document, {
    width: 760,
    height: 40 + 26 * rows.length,
    marginLeft: 200,
    x: { label: `${unit} (95 % interval; red tick: net of what it takes from own outlets)`, grid: true, zero: true, tickFormat: (x: number) => formatNumber(x) },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'low', x2: 'high', stroke: '#3b7dd8', strokeWidth: 2 }),
      Plot.dot(rows, { y: 'label', x: 'forecast', fill: '#3b7dd8', r: 4 }),
      Plot.tickX(rows, { y: 'label', x: 'net', stroke: '#d84b3b', strokeWidth: 2 }),
    ],
  });
  const head = `<tr>${th('rank', true)}${th('site')}${th(`forecast (${unit})`, true)}${th('95 % interval', true)}${th('taken from own outlets', true)}${th('net', true)}${th('taken most from')}</tr>`;
  const body = rows.map((s) => `<tr>${td(String(s.rank), true)}${td(s.name && s.name !== s.id ? `${s.name} (${s.id})` : s.id)}${td(forecastAmount(s.forecast), true)}${td(`${forecastAmount(s.low)} – ${forecastAmount(s.high)}`, true)}${td(forecastAmount(s.cannibalised), true)}${td(forecastAmount(s.net), true)}${td(s.transfers.map((t) => `${t.outlet}: ${forecastAmount(t.amount)}`).join(', ') || '–')}</tr>`);
  const warnings = forecast.warnings.map((w) => `<p class="note">${escapeHtml(w)}</p>`).join('\n');
  return `<section id="forecast"><h2>Forecast: what the kept sites would bring</h2>
${intro}
${figure(chart, `Forecast (${unit}) of each kept site opened alone against today's network, with its 95 % interval (the parameters' uncertainty and an outlet's own spread around the model); the red tick is the net gain after what it takes from the own outlets.`)}
<table id="forecast-table"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>
${warnings}
</section>`;
}
