/**
 * The flows likelihood (origin-flows.ts, flows-pass.ts): customers by origin and outlet drawn as
 * Poisson counts from a known Huff model, α and β recovered; the Jacobian against finite
 * differences; flows from beyond the cut-off left out with a warning.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { huffProbabilities } from '../../src/criteria/huff-matrix.ts';
import { calibrateModel } from '../../src/forecast/calibrate-model.ts';
import { evaluateFlows } from '../../src/forecast/flows-pass.ts';
import { prepareHuff } from '../../src/forecast/huff-data.ts';
import type { ModelShape } from '../../src/forecast/model.ts';
import type { OriginFlows } from '../../src/forecast/origin-flows.ts';
import { mulberry32, normal } from '../../src/sensitivity/random.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { writeMarketBundle } from './write-market-bundle.ts';

const common = { observedName: 'customers', demandColumn: 'population', cutoff: 5000, floor: 50 };

/** Poisson draw: Knuth's product of uniforms below 30, the rounded normal approximation above. */
function poisson(rnd: () => number, mean: number): number {
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rnd)));
  const limit = Math.exp(-mean);
  let k = 0, product = rnd();
  while (product > limit) { k++; product *= rnd(); }
  return k;
}

/** n_ij ~ Poisson(s · w_i · P_ij) for every demand point and own outlet; rows with n > 0 only. */
function drawFlows(seed: number, truth: { alpha: number; beta: number; scale: number }, marketSeed = seed, demandPoints = 1500) {
  const market = syntheticMarket(marketSeed, { ...truth, noise: 0 }, { demand: demandPoints, own: 30, competitors: 20 });
  const outlets = {
    lon: Float64Array.from([...market.own.lon, ...market.competitors.lon]),
    lat: Float64Array.from([...market.own.lat, ...market.competitors.lat]),
    weight: Float64Array.from([...market.own.weight, ...market.competitors.weight]),
  };
  const p = huffProbabilities(market.demand, outlets, { alpha: truth.alpha, beta: truth.beta, cutoff: 5000, floor: 50 });
  const total = outlets.lon.length;
  const rnd = mulberry32(seed + 100);
  const origin: number[] = [], outlet: number[] = [], count: number[] = [];
  for (let i = 0; i < market.demand.lon.length; i++) {
    for (let j = 0; j < market.own.lon.length; j++) {
      const n = poisson(rnd, truth.scale * market.demand.weight[i] * p[i * total + j]);
      if (n > 0) { origin.push(i); outlet.push(j); count.push(n); }
    }
  }
  const flows: OriginFlows = { origin: Int32Array.from(origin), outlet: Int32Array.from(outlet), count: Float64Array.from(count) };
  return { market, flows };
}

describe('calibration on customer flows by origin', () => {
  it('recovers α and β over 20 Poisson draws: each within ±0.15, on average within 0.02, the truth inside ≥ 16 of 20 95 % intervals', () => {
    const truth = { alpha: 1.2, beta: 1.7, scale: 0.02 };
    let alphaSum = 0, betaSum = 0, alphaInside = 0, betaInside = 0;
    for (let draw = 0; draw < 20; draw++) {
      const { market, flows } = drawFlows(1000 + draw, truth, 20);
      const fit = calibrateModel({ demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} }, { ...common, flows, ids: market.ids });
      expect(fit.likelihood).toBe('flows');
      expect(fit.n).toBe(30);
      expect(Math.abs(fit.alpha - truth.alpha)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(fit.beta! - truth.beta)).toBeLessThanOrEqual(0.15);
      alphaSum += fit.alpha;
      betaSum += fit.beta!;
      if (fit.intervals.alpha[0] <= truth.alpha && truth.alpha <= fit.intervals.alpha[1]) alphaInside++;
      if (fit.intervals.beta[0] <= truth.beta && truth.beta <= fit.intervals.beta[1]) betaInside++;
    }
    expect(Math.abs(alphaSum / 20 - truth.alpha)).toBeLessThan(0.02);
    expect(Math.abs(betaSum / 20 - truth.beta)).toBeLessThan(0.02);
    expect(alphaInside).toBeGreaterThanOrEqual(16);
    expect(betaInside).toBeGreaterThanOrEqual(16);
  });

  it('the same customers summed per outlet determine β less tightly than by origin', () => {
    const { market, flows } = drawFlows(11, { alpha: 1.2, beta: 1.7, scale: 0.02 });
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const byOrigin = calibrateModel(points, { ...common, flows, ids: market.ids });
    const byOutlet = new Float64Array(30);
    flows.outlet.forEach((j, r) => { byOutlet[j] += flows.count[r]; });
    const totals = calibrateModel(points, { ...common, observed: byOutlet, ids: market.ids, demandCellMetres: 0 });
    expect(totals.likelihood).toBe('totals');
    expect(byOrigin.se.beta).toBeLessThan(totals.se.beta / 2);
  });

  it('origins grouped into 100 m demand cells (asked for; the default is every origin) move α and β by < 10 % of their standard errors', () => {
    // 20 000 origins around five centres: about 1.4 to an occupied 100 m cell.
    const { market, flows } = drawFlows(17, { alpha: 1.2, beta: 1.7, scale: 0.02 }, 17, 20_000);
    const points = { demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} };
    const grouped = calibrateModel(points, { ...common, flows, ids: market.ids, demandCellMetres: 100 });
    const exact = calibrateModel(points, { ...common, flows, ids: market.ids });
    expect(grouped.demandCells!.metres).toBe(100);
    expect(grouped.demandCells!.cells).toBeLessThan(20_000 * 0.8);
    expect(exact.demandCells).toEqual({ metres: 0, cells: 20_000 });
    // The same customers, cell by cell instead of origin by origin, but for a few whose cell's
    // centroid lies beyond the cut-off from an outlet their own home is within (left out, counted).
    grouped.outlets.forEach((o, j) => expect(Math.abs(o.observed / exact.outlets[j].observed - 1)).toBeLessThan(0.005));
    expect(Math.abs(grouped.alpha - exact.alpha)).toBeLessThan(0.1 * exact.se.alpha);
    expect(Math.abs(grouped.beta! - exact.beta!)).toBeLessThan(0.1 * exact.se.beta);
  });

  it('derivatives of the expected flows match finite differences', () => {
    const { market } = drawFlows(13, { alpha: 1, beta: 2, scale: 0.02 });
    const shape: ModelShape = { decay: 'power', fitAlpha: true, alpha: 1, attributes: [], ...common };
    const { data } = prepareHuff({ demand: market.demand, own: market.own, competitors: market.competitors, attributes: {} }, shape, {});
    const theta = Float64Array.of(Math.log(0.02), 0.9, 1.8);
    const { mean, jacobian } = evaluateFlows(shape, data, theta, true);
    const pairs = mean.length;
    expect(pairs).toBeGreaterThan(1000);
    for (let a = 0; a < 3; a++) {
      const h = 1e-6;
      const up = evaluateFlows(shape, data, theta.map((v, b) => (b === a ? v + h : v)), false).mean;
      const down = evaluateFlows(shape, data, theta.map((v, b) => (b === a ? v - h : v)), false).mean;
      for (const t of [0, Math.floor(pairs / 2), pairs - 1]) {
        expect(jacobian[t * 3 + a]).toBeCloseTo((up[t] - down[t]) / (2 * h), 6);
      }
    }
  });

  it('flows from beyond the cut-off are left out of the fit, with a warning counting them', () => {
    const { market, flows } = drawFlows(14, { alpha: 1.2, beta: 1.7, scale: 0.02 });
    // One more demand point 50 km away, sending 7 customers to the first outlet.
    const demand = {
      lon: Float64Array.from([...market.demand.lon, market.demand.lon[0] + 0.5]),
      lat: Float64Array.from([...market.demand.lat, market.demand.lat[0]]),
      weight: Float64Array.from([...market.demand.weight, 500]),
    };
    const far = demand.lon.length - 1;
    const withFar: OriginFlows = { origin: Int32Array.from([...flows.origin, far]), outlet: Int32Array.from([...flows.outlet, 0]), count: Float64Array.from([...flows.count, 7]) };
    const points = { demand, own: market.own, competitors: market.competitors, attributes: {} };
    const fit = calibrateModel(points, { ...common, flows: withFar, ids: market.ids });
    const without = calibrateModel({ ...points, demand: market.demand }, { ...common, flows, ids: market.ids });
    expect(fit.warnings.join('\n')).toMatch(/^1 flow row \(7 customers, [0-9.]+ %\) come from beyond the cut-off \(5000 m\)/m);
    expect(fit.alpha).toBeCloseTo(without.alpha, 10);
    expect(fit.beta!).toBeCloseTo(without.beta!, 10);
  });

  it('siteselect calibrate --flows: reads origin, outlet, count; rejects bad rows with their numbers; refuses --observed beside it', async () => {
    const { market, flows } = drawFlows(1003, { alpha: 1.2, beta: 1.7, scale: 0.02 }, 20);
    const dir = writeMarketBundle(market);
    const rows = Array.from(flows.count, (n, r) => `d${flows.origin[r]},${market.ids[flows.outlet[r]]},${n}`);
    writeFileSync(path.join(dir, 'flows.csv'), ['origin,outlet,count', ...rows, 'nowhere,B1,3', 'd0,B1,-2'].join('\n') + '\n');
    let stdout = '', stderr = '';
    const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: dir };
    expect(await main(['calibrate', '--bundle', '.', '--flows', 'flows.csv', '--json'], io)).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Math.abs(summary.alpha - 1.2)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(summary.beta - 1.7)).toBeLessThanOrEqual(0.15);
    expect(summary.warnings[0]).toBe(`flows.csv: ${rows.length} of ${rows.length + 2} rows used, 2 rejected (row ${rows.length + 1}: origin "nowhere" is not an id of the demand layer; row ${rows.length + 2}: count "-2" is not a number ≥ 0)`);
    stdout = '';
    expect(await main(['calibrate', '--bundle', '.', '--flows', 'flows.csv', '--observed', 'sales'], io)).toBe(2);
    expect(stderr).toMatch(/--flows and --observed each name what to fit/);
  });
});

