// %% [markdown]
// # From score to forecast: calibration, forecasts, transfers and analog sites
// A committee asks "how much will the new branch bring, and how much of it is taken from our own
// branches?" (DESIGN §11). The own outlets' observed deposits calibrate the Huff model
// ŷ_j = s · Σ_i w_i · P_ij, P_ij = A_j^α d_ij^−β / Σ_k A_k^α d_ik^−β: α (attractiveness), β (distance
// decay) and s (deposits per resident captured), by Poisson quasi-likelihood. Then every candidate
// gets a forecast with an interval, the **transfer** from each own outlet it takes customers from,
// and its net gain; the most similar existing branches give a second, independent forecast.
//
// The sample city is synthetic and its deposits were **made from a known model** (α = 0.8, β = 1.6,
// s = 2.5, 5 % noise; data/sample/README.md), so we can see whether the calibration finds it.

import * as Plot from '@observablehq/plot';
import { analogs, calibrate, forecast, parseScenario, type PointLayer } from '../src/index.ts';
import { display, formatNumber, loadBundle, md, plot, readJson } from '../src/notebook/index.ts';

// %% Calibrate on the own network
const bundle = await loadBundle('data/sample');
const scenario = parseScenario(await readJson('data/sample/scenario.json'), 'data/sample/scenario.json');
const calibration = calibrate(bundle, scenario);
const truth: Record<string, number> = { scale: 2.5, alpha: 0.8, beta: 1.6 };
const estimate: Record<string, number> = { scale: calibration.scale, alpha: calibration.alpha, beta: calibration.beta ?? NaN };
display(
  Object.keys(truth).map((name) => ({
    parameter: name,
    truth: truth[name],
    estimate: estimate[name],
    'standard error': calibration.se[name],
    '95 % low': calibration.intervals[name][0],
    '95 % high': calibration.intervals[name][1],
    'truth inside': calibration.intervals[name][0] <= truth[name] && truth[name] <= calibration.intervals[name][1] ? 'yes' : 'no',
  })),
  { caption: `Huff calibration on ${calibration.n} own outlets (synthetic deposits, 10 000 CNY)` },
);
display(md`Fit: R² **${calibration.r2}**, MAPE **${calibration.mape}** %. Cross-validated (${calibration.folds} folds) MAPE **${calibration.cv_mape}** % against **${calibration.baseline_cv_mape}** % for the naive baseline (deposits as a straight line in the residents within ${calibration.baseline.radius} m): the model earns its keep.`);

// %% Observed against fitted
display(
  plot({
    width: 520,
    height: 420,
    x: { label: 'fitted deposits', grid: true },
    y: { label: 'observed deposits', grid: true },
    marks: [
      Plot.line([[0, 0], [Math.max(...calibration.outlets.map((o) => o.observed)), Math.max(...calibration.outlets.map((o) => o.observed))]], { stroke: '#999' }),
      Plot.dot(calibration.outlets, { x: 'fitted', y: 'observed', r: 3, fill: '#2171b5' }),
    ],
  }),
  { caption: 'Each own outlet: observed deposits against the calibrated model (the line is y = x)' },
);

// %% Forecast every candidate
// Each candidate opens alone into today's network; the interval is 95 % (parameters' uncertainty
// and an outlet's own spread around the model); transfers name the own outlets it draws from.
const candidates = bundle.candidates;
if (!candidates) throw new Error('the sample bundle should have candidates');
const result = forecast(bundle, scenario, calibration);
const order = Array.from(result.net.keys()).filter((c) => Number.isFinite(result.net[c])).sort((a, b) => result.net[b] - result.net[a] || (candidates.ids[a] < candidates.ids[b] ? -1 : 1));
const top = order.slice(0, 8);
const transfers = (c: number) => result.transfers[c].map((t) => `${result.outletIds[t.outlet]} ${formatNumber(t.amount)}`).join(', ');
display(top.map((c) => ({
  id: candidates.ids[c],
  address: candidates.text.address?.[c] ?? '',
  forecast: result.forecast[c],
  '95 % low': result.low[c],
  '95 % high': result.high[c],
  cannibalised: result.cannibalised[c],
  net: result.net[c],
  'taken from (top 5)': transfers(c),
})), { caption: 'The eight candidates with the largest net forecast (deposits, 10 000 CNY)' });
const best = top[0];
display(md`The best net forecast is **${candidates.ids[best]}** (${candidates.text.address?.[best] ?? ''}): **${result.forecast[best]}** (95 %: ${result.low[best]} – ${result.high[best]}), of which **${result.cannibalised[best]}** moves over from our own outlets, a net gain of **${result.net[best]}**.`);

// %% Where its deposits come from
display(
  plot({
    marginLeft: 70,
    x: { label: 'deposits taken (10 000 CNY)', grid: true },
    y: { label: null },
    marks: [Plot.barX(result.transfers[best].map((t) => ({ outlet: result.outletIds[t.outlet], amount: t.amount })), { y: 'outlet', x: 'amount', fill: '#c6443b', sort: { y: '-x' } }), Plot.ruleX([0])],
  }),
  { caption: `${candidates.ids[best]}: transfers from the own outlets it takes most from` },
);

// %% Analog sites: a second, independent forecast
// The five own outlets whose catchment (residents, competitors, POIs, transit within 1 km) looks most
// like the candidate's, and the similarity-weighted mean of their deposits.
const site: PointLayer = { kind: 'point', layer: 'candidates', ids: [candidates.ids[best]], lon: candidates.lon.subarray(best, best + 1), lat: candidates.lat.subarray(best, best + 1), numeric: {}, text: {} };
const twins = await analogs(bundle, site, { k: 5 });
display(twins.analogs[0].map((a) => ({ outlet: a.id, type: bundle.network?.text.type?.[a.outlet] ?? '', similarity: a.similarity, deposits: a.observed })), { caption: `Most similar existing outlets to ${candidates.ids[best]} (${twins.features.join(', ')})` });
display(md`Analog forecast for ${candidates.ids[best]}: **${twins.forecast[0]}** beside the Huff forecast of **${result.forecast[best]}**. Analogs ignore who else is near; the Huff forecast ignores what the catchment profile does not hold. Where they disagree, look closer.`);
