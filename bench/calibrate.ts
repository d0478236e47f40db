/**
 * Calibration and forecast benchmark (issue 15):
 *   npm run bench:calibrate -- [--demand 1000000] [--own 500] [--competitors 2000] [--candidates 100000] [--folds 5]
 *     [--cell 100] [--ungrouped] [--transfer-sites 10000] [--js-sites 10000] [--flows] [--one-thread]
 *   (--cell: demand cell side in metres for the calibration; --ungrouped also fits every point, to compare;
 *   --transfer-sites: how many candidates are also timed with their top-5 transfers [all 100 000];
 *   --js-sites: how many are also timed with the JavaScript scan, and compared with the SIMD one; 0 skips;
 *   --flows: also draws customers by origin and outlet, Poisson with mean 0.05·w_i·P_ij from the same
 *   model, and times the flows fit on every origin and on origins grouped into --cell cells;
 *   --one-thread: also forecasts the transfer sites on one thread, and checks the two-thread bytes against it)
 * A generated market shaped like ../shared/bench/gen.mjs (a 40 km square around 121.47 E, 31.23 N,
 * ten Gaussian centres σ 1.5–3 km plus 15 % uniform background, log-normal weights); own outlets
 * and competitors follow demand; the own outlets' totals come from a known model (α 1.1, β 1.8,
 * s 0.35) with 5 % multiplicative noise. Timed: the pairs within the 5 km cut-off, the fit, the
 * K-fold cross-validation and the baseline (= calibrateModel as a whole), then the forecast of the
 * candidates with intervals (the kernel's SIMD forecast scan where WebAssembly SIMD runs), then
 * some with top-5 transfers, both on two threads (src/node/forecast-pool.ts: this thread and a worker).
 * CPU seconds of this process (every thread), wall seconds, and the load average (the machine is shared).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { calibrateModel } from '../src/forecast/calibrate-model.ts';
import { forecastSites, shapeOf } from '../src/forecast/forecast-sites.ts';
import { evaluateFlows } from '../src/forecast/flows-pass.ts';
import { evaluateHuff } from '../src/forecast/huff-pass.ts';
import { prepareHuff } from '../src/forecast/huff-data.ts';
import { marketState } from '../src/forecast/market-state.ts';
import type { ModelShape } from '../src/forecast/model.ts';
import { createForecastPool } from '../src/node/forecast-pool.ts';
import { mulberry32, normal } from '../src/sensitivity/random.ts';

const { values: opt } = parseArgs({
  options: {
    demand: { type: 'string', default: '1000000' },
    own: { type: 'string', default: '500' },
    competitors: { type: 'string', default: '2000' },
    candidates: { type: 'string', default: '100000' },
    folds: { type: 'string', default: '5' },
    cell: { type: 'string', default: '100' },
    ungrouped: { type: 'boolean', default: false },
    'transfer-sites': { type: 'string', default: '100000' },
    'js-sites': { type: 'string', default: '10000' },
    flows: { type: 'boolean', default: false },
    'one-thread': { type: 'boolean', default: false },
  },
});
const sizes = { demand: Number(opt.demand), own: Number(opt.own), competitors: Number(opt.competitors), candidates: Number(opt.candidates) };
const rnd = mulberry32(42);
// Started first: the worker's start-up overlaps the generation and the calibration.
const pool = createForecastPool();
const KM_LAT = 1 / 111.195, KM_LON = KM_LAT / Math.cos((31.23 * Math.PI) / 180);
const centres = Array.from({ length: 10 }, () => ({ x: -15 + 30 * rnd(), y: -15 + 30 * rnd(), s: 1.5 + 1.5 * rnd() }));

function scatter(n: number, background: number, tight = 1): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(n), lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x: number, y: number;
    if (rnd() < background) { x = -20 + 40 * rnd(); y = -20 + 40 * rnd(); } else {
      const c = centres[Math.floor(rnd() * centres.length)];
      x = c.x + c.s * tight * normal(rnd);
      y = c.y + c.s * tight * normal(rnd);
    }
    lon[i] = 121.47 + Math.max(-20, Math.min(20, x)) * KM_LON;
    lat[i] = 31.23 + Math.max(-20, Math.min(20, y)) * KM_LAT;
  }
  return { lon, lat };
}

const cpu = () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
let t = cpu();
const demand = { ...scatter(sizes.demand, 0.15), weight: Float64Array.from({ length: sizes.demand }, () => Math.min(2000, Math.exp(3 + 1.2 * normal(rnd)))) };
const own = { ...scatter(sizes.own, 0.1, 1.2), weight: Float64Array.from({ length: sizes.own }, () => Math.exp(0.5 * normal(rnd))) };
const competitors = { ...scatter(sizes.competitors, 0.1, 0.8), weight: Float64Array.from({ length: sizes.competitors }, () => 1 + Math.floor(5 * rnd() ** 2)) };
const sites = { ...scatter(sizes.candidates, 0.4), attractiveness: new Float64Array(sizes.candidates).fill(1), z: new Float64Array(0) };
console.log(`generated ${sizes.demand} demand, ${sizes.own} own, ${sizes.competitors} competitors, ${sizes.candidates} candidates: ${(cpu() - t).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

// The own outlets' totals from the known model, through the same pass the fit uses.
const truth = { alpha: 1.1, beta: 1.8, scale: 0.35 };
const shape: ModelShape = { decay: 'power', fitAlpha: true, alpha: 1, attributes: [], cutoff: 5000, floor: 50 };
const points = { demand, own, competitors, attributes: {} };
t = cpu();
const truthData = prepareHuff(points, shape, {});
const exact = evaluateHuff(shape, truthData.data, Float64Array.of(Math.log(truth.scale), truth.alpha, truth.beta), false).mean;
const observed = exact.map((y) => y * Math.exp(0.05 * normal(rnd) - 0.00125));
console.log(`true totals (pairs + one pass): ${(cpu() - t).toFixed(1)} s; own pairs ${truthData.data.own.outlet.length.toLocaleString('en')}, competitor pairs ${truthData.data.competitors.outlet.length.toLocaleString('en')}`);

function timedCalibration(cell: number) {
  const start = cpu();
  const fit = calibrateModel(points, { observed, ids: Array.from({ length: sizes.own }, (_, j) => `B${j}`), observedName: 'sales', demandColumn: 'population', cutoff: 5000, floor: 50, folds: Number(opt.folds), demandCellMetres: cell });
  const seconds = cpu() - start;
  console.log(`calibrate, demand in ${cell > 0 ? `${cell} m cells (${fit.demandCells?.cells.toLocaleString('en')} cells)` : 'points'} (pairs, fit in ${fit.iterations} iterations, ${fit.folds}-fold CV, baseline): ${seconds.toFixed(1)} s CPU, RSS ${mb()} MB`);
  console.log(`  α ${fit.alpha.toFixed(4)} ± ${fit.se.alpha.toFixed(4)} (truth ${truth.alpha}), β ${fit.beta!.toFixed(4)} ± ${fit.se.beta.toFixed(4)} (truth ${truth.beta}), s ${fit.scale.toFixed(4)} (truth ${truth.scale})`);
  console.log(`  R² ${fit.r2.toFixed(4)}, MAPE ${fit.mape.toFixed(2)} %, CV MAPE ${fit.cv_mape.toFixed(2)} %, baseline CV MAPE ${fit.baseline_cv_mape.toFixed(1)} %`);
  return fit;
}
const calibration = timedCalibration(Number(opt.cell));
if (opt.ungrouped) {
  const exactFit = timedCalibration(0);
  console.log(`  grouped − ungrouped: α ${(calibration.alpha - exactFit.alpha).toFixed(4)} (${((calibration.alpha - exactFit.alpha) / exactFit.se.alpha).toFixed(2)} SE), β ${(calibration.beta! - exactFit.beta!).toFixed(4)} (${((calibration.beta! - exactFit.beta!) / exactFit.se.beta).toFixed(2)} SE), scale ${(100 * (calibration.scale / exactFit.scale - 1)).toFixed(2)} %`);
}

if (opt.flows) {
  // Poisson counts (Knuth's product of uniforms below 30, the rounded normal above) on every own pair.
  const mean = evaluateFlows(shape, truthData.data, Float64Array.of(Math.log(0.05), truth.alpha, truth.beta), false).mean;
  const { start, outlet: pairOutlet } = truthData.data.own;
  const origin: number[] = [], outlet: number[] = [], count: number[] = [];
  for (let k = 0; k < truthData.grid.order.length; k++) {
    for (let pair = start[k]; pair < start[k + 1]; pair++) {
      const m = mean[pair];
      let n = 0;
      if (m >= 30) n = Math.max(0, Math.round(m + Math.sqrt(m) * normal(rnd)));
      else for (let product = rnd(), limit = Math.exp(-m); product > limit; product *= rnd()) n++;
      if (n > 0) { origin.push(truthData.grid.order[k]); outlet.push(pairOutlet[pair]); count.push(n); }
    }
  }
  const flows = { origin: Int32Array.from(origin), outlet: Int32Array.from(outlet), count: Float64Array.from(count) };
  console.log(`flows: ${origin.length.toLocaleString('en')} origin–outlet rows with customers (of ${mean.length.toLocaleString('en')} own pairs)`);
  for (const cell of [0, Number(opt.cell)]) {
    const start = cpu();
    const fit = calibrateModel(points, { flows, ids: Array.from({ length: sizes.own }, (_, j) => `B${j}`), observedName: 'customers', demandColumn: 'population', cutoff: 5000, floor: 50, folds: Number(opt.folds), demandCellMetres: cell });
    console.log(`  flows fit, ${cell > 0 ? `origins in ${cell} m cells (${fit.demandCells?.cells.toLocaleString('en')} cells)` : 'every origin'}: ${(cpu() - start).toFixed(1)} s CPU; α ${fit.alpha.toFixed(4)} ± ${fit.se.alpha.toFixed(4)}, β ${fit.beta!.toFixed(4)} ± ${fit.se.beta.toFixed(4)} (truth ${truth.alpha}, ${truth.beta}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
}

t = cpu();
const prepared = prepareHuff(points, shapeOf(calibration), {}, { cellMetres: calibration.demandCells?.metres, forForecast: true });
const state = marketState(shapeOf(calibration), prepared.data, Float64Array.from(calibration.theta));
const prepareS = cpu() - t;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const first = (count: number) => ({ lon: sites.lon.subarray(0, count), lat: sites.lat.subarray(0, count), attractiveness: sites.attractiveness.subarray(0, count), z: sites.z });
console.log(`market state (pairs of every cell with the competitors, S_i, Ḡ_i, own shares): ${prepareS.toFixed(1)} s CPU`);
await pool.ready();
t = cpu();
let wall = performance.now();
const totals = await pool.forecast(calibration, prepared, state, sites, { top: 0 });
const totalsS = cpu() - t;
const wallS = () => ((performance.now() - wall) / 1000).toFixed(2);
let sum = 0;
for (const f of totals.forecast) sum += f;
console.log(`forecast ${sizes.candidates.toLocaleString('en')} candidates with 95 % intervals, cannibalised and net, on two threads (${totals.workerSites.toLocaleString('en')} by the worker): ${wallS()} s wall, ${totalsS.toFixed(2)} s CPU (mean forecast ${(sum / sizes.candidates).toFixed(1)}), load average ${load()}`);
const jsSites = Math.min(sizes.candidates, Number(opt['js-sites']));
if (jsSites > 0) {
  t = cpu();
  const js = forecastSites(calibration, prepared, state, first(jsSites), { top: 0, simd: false });
  const jsS = cpu() - t;
  let worst = 0;
  for (const key of ['forecast', 'low', 'high', 'cannibalised'] as const) {
    for (let c = 0; c < jsSites; c++) worst = Math.max(worst, Math.abs(totals[key][c] - js[key][c]) / Math.abs(js[key][c]));
  }
  console.log(`  the same for the first ${jsSites.toLocaleString('en')} with the JavaScript scan: ${jsS.toFixed(2)} s CPU; largest relative difference SIMD − JS ${worst.toExponential(1)}`);
}
const transferSites = Math.min(sizes.candidates, Number(opt['transfer-sites']));
if (transferSites > 0) {
  t = cpu();
  wall = performance.now();
  const result = await pool.forecast(calibration, prepared, state, first(transferSites));
  const transferS = cpu() - t;
  let named = 0;
  for (const list of result.transfers) named += list.length;
  console.log(`forecast ${transferSites.toLocaleString('en')} candidates with intervals and top-5 transfers, on two threads (${result.workerSites.toLocaleString('en')} by the worker): ${wallS()} s wall, ${transferS.toFixed(2)} s CPU (${named.toLocaleString('en')} transfers named; first site's largest ${result.transfers[0][0]?.amount.toFixed(1)} from B${result.transfers[0][0]?.outlet}), RSS ${mb()} MB, load average ${load()}`);
  if (opt['one-thread']) {
    t = cpu();
    wall = performance.now();
    const one = forecastSites(calibration, prepared, state, first(transferSites));
    const oneS = cpu() - t;
    const differing = (['forecast', 'low', 'high', 'cannibalised', 'net'] as const).reduce((sum, key) => sum + one[key].filter((v, c) => !Object.is(v, result[key][c])).length, 0)
      + one.transfers.filter((list, c) => JSON.stringify(list) !== JSON.stringify(result.transfers[c])).length;
    console.log(`  the same on one thread: ${wallS()} s wall, ${oneS.toFixed(2)} s CPU; ${differing} values or transfer lists differ from two threads; load average ${load()}`);
  }
}
await pool.close();
