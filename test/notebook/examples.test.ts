/**
 * Every example notebook runs headless and its report holds the key figures. Expected values are
 * computed here through the public API (or are published facts: DC's 2010 census count), never
 * copied from a report.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { calibrate, createKernel, forecast, loadBundleDir, optimize, parseScenario, problemFromBundle, runFunnel, siteHuff, uncoveredMask, type LoadedBundle, type WeightedPoints } from '../../src/node.ts';
import { formatNumber } from '../../src/format/number.ts';
import { renderReport } from '../../src/notebook/render-html.ts';
import { runNotebookFile } from '../../src/notebook/run-file.node.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const repo = resolve(import.meta.dirname, '..', '..');
const sampleScenario = () => parseScenario(JSON.parse(readFileSync(resolve(repo, 'data/sample/scenario.json'), 'utf8')));

async function report(name: string, args: string[] = []): Promise<string> {
  const result = await runNotebookFile(resolve(repo, 'notebooks', name), { args, cwd: repo });
  const html = renderReport(result, { title: name });
  const failed = result.cells.flatMap((c) => c.outputs.filter((o) => o.kind === 'error'));
  expect(failed).toEqual([]);
  expect(result.ok).toBe(true);
  return html;
}

function topOf(level: { rank: Int32Array; ids: string[]; score: Float64Array }): { id: string; score: number } {
  const i = Array.from(level.rank).indexOf(1);
  return { id: level.ids[i], score: level.score[i] };
}

let sample: LoadedBundle | undefined;
const sampleBundle = async () => (sample ??= await loadBundleDir(resolve(repo, 'data/sample')));

describe('example notebooks', () => {
  it('01-funnel: the funnel at a glance and the top site with its score', async () => {
    const html = await report('01-funnel.ts');
    const bundle = await sampleBundle();
    const scenario = sampleScenario();
    const funnel = await runFunnel(bundle, scenario, { database: testDb() });
    const top = topOf(funnel.sites);
    expect(html).toContain(`The top site is <strong>${top.id}</strong> with a score of <strong>${formatNumber(top.score)}</strong> out of 100`);
    // Regions: all 5 compared, the scenario's topK of them kept.
    expect(html).toContain(`<td>region</td><td class="num">${bundle.regions?.ids.length}</td><td class="num">${scenario.funnel.regions.topK}</td>`);
    expect(html.match(/<figure class="out-plot">/g)?.length).toBe(3); // a map per level
    // Self-contained: no scripts, every linked resource inline (data: URLs) or in-page (#…).
    expect(html).not.toMatch(/<script|<link|<iframe/i);
    const refs = [...html.matchAll(/\s(?:src|href|xlink:href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0); // the colour legends are inline PNGs
    expect(refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#'))).toEqual([]);
  });

  it('02-huff: the best net gain among the six busiest candidates, with capture and cannibalisation', async () => {
    const html = await report('02-huff.ts');
    const bundle = await sampleBundle();
    const scenario = sampleScenario();
    const { demand, network, competitors, candidates } = bundle;
    if (!demand || !network || !competitors || !candidates) throw new Error('sample layers missing');
    const kernel = createKernel();
    const people: WeightedPoints = { lon: demand.lon, lat: demand.lat, weight: demand.numeric.population };
    const near = await kernel.sumWithin(candidates, people, 1000, { kind: 'uniform' });
    const six = Array.from(near.keys()).sort((a, b) => near[b] - near[a] || (candidates.ids[a] < candidates.ids[b] ? -1 : 1)).slice(0, 6);
    const typeA = (t: string) => scenario.outletTypes[t]?.attractiveness ?? 1;
    const own = { lon: network.lon, lat: network.lat, weight: network.numeric.attractiveness.map((a, i) => a * typeA(network.text.type[i])) };
    const rivals = { lon: competitors.lon, lat: competitors.lat, weight: competitors.numeric.attractiveness };
    const sites = { lon: Float64Array.from(six, (i) => candidates.lon[i]), lat: Float64Array.from(six, (i) => candidates.lat[i]), weight: new Float64Array(6).fill(typeA(scenario.candidateType)) };
    const h = await siteHuff(kernel, sites, people, own, rivals, scenario.huff);
    const best = Array.from(h.netGain.keys()).reduce((a, b) => (h.netGain[b] > h.netGain[a] ? b : a), 0);
    expect(html).toContain(`The best net gain is <strong>${candidates.ids[six[best]]}</strong>`);
    expect(html).toContain(`it captures <strong>${formatNumber(h.capture[best])}</strong> residents, <strong>${formatNumber(h.cannibalisation[best])}</strong> of them from our own outlets, a net gain of <strong>${formatNumber(h.netGain[best])}</strong>`);
    expect(html).toContain('Huff probability surface of');
  });

  it('03-gaps-and-norms: residents beyond every own outlet’s radius', async () => {
    const html = await report('03-gaps-and-norms.ts');
    const bundle = await sampleBundle();
    const scenario = sampleScenario();
    const { demand, network } = bundle;
    if (!demand || !network) throw new Error('sample layers missing');
    const types = [...new Set(network.text.type)];
    const groups = types.map((t) => {
      const idx = network.ids.flatMap((_, i) => (network.text.type[i] === t ? [i] : []));
      return { points: { lon: Float64Array.from(idx, (i) => network.lon[i]), lat: Float64Array.from(idx, (i) => network.lat[i]) }, radius: scenario.outletTypes[t].radius };
    });
    const mask = await uncoveredMask(createKernel(), demand, groups);
    const population = demand.numeric.population;
    const uncovered = population.reduce((a, w, i) => a + (mask[i] ? w : 0), 0);
    const total = population.reduce((a, w) => a + w, 0);
    expect(total).toBe(2_400_000); // the sample's stated population (data/sample/README.md)
    expect(html).toContain(`<strong>${formatNumber(uncovered)}</strong> of ${formatNumber(total)} residents`);
  });

  it('04-real-city: DC from its folder with a manifest kept elsewhere — 601 723 residents and the top site', async () => {
    const args = ['../shared/data/dc', '--manifest', 'test/fixtures/dc/bundle.json'];
    const html = await report('04-real-city.ts', args);
    // 601 723: the 2010 census count of DC (../shared/data/README.md).
    expect(html).toContain('<strong>601 723</strong> residents in <strong>179</strong> districts and <strong>8</strong> regions');
    const dc = await loadBundleDir(resolve(repo, 'test/fixtures/dc'));
    const scenario = parseScenario(JSON.parse(readFileSync(resolve(repo, 'notebooks/real-city.scenario.json'), 'utf8')));
    const top = topOf((await runFunnel(dc, scenario, { database: testDb() })).sites);
    expect(html).toContain(`The top site is <strong>${top.id}</strong>`);
    expect(html).toContain(`with a score of <strong>${formatNumber(top.score)}</strong>`);
  });

  it('05-expansion: today’s coverage and the residents the MCLP picks add, proved optimal', async () => {
    const html = await report('05-expansion.ts');
    const bundle = await sampleBundle();
    const { demand, network } = bundle;
    if (!demand || !network) throw new Error('sample layers missing');
    const nearest = await createKernel().nearest(demand, network);
    const today = demand.numeric.population.reduce((a, w, i) => a + (nearest[i] <= 1000 ? w : 0), 0);
    expect(html).toContain(`Today <strong>${formatNumber(today)}</strong> of 2 400 000 residents`);
    // The optimum's value is unique even when several sets of sites reach it.
    const problem = problemFromBundle(bundle, { model: 'mclp', p: 5, radius: 1000, scenario: sampleScenario() });
    const exact = await optimize(problem, { method: 'exact' });
    expect(exact.exact).toBe(true);
    expect(html).toContain(`covers <strong>${formatNumber(exact.objective - today)}</strong> more residents (${formatNumber(exact.objective)} in all)`);
    expect(html).toContain('<td>MCLP exact</td><td>milp</td><td>optimal</td>');
  });

  it('06-forecast: the calibration recovers the sample’s known deposits model; the best net forecast and its analog forecast', async () => {
    const html = await report('06-forecast.ts');
    const bundle = await sampleBundle();
    const scenario = sampleScenario();
    const calibration = calibrate(bundle, scenario);
    // The generator's truth (data/sample/README.md): α 0.8, β 1.6, s 2.5 — inside the intervals.
    for (const [name, value] of [['alpha', 0.8], ['beta', 1.6], ['scale', 2.5]] as const) {
      expect(calibration.intervals[name][0]).toBeLessThanOrEqual(value);
      expect(calibration.intervals[name][1]).toBeGreaterThanOrEqual(value);
    }
    expect(html.match(/<td>yes<\/td>/g)?.length).toBe(3);
    expect(html).toContain(`Cross-validated (5 folds) MAPE <strong>${formatNumber(calibration.cv_mape)}</strong> %`);
    const result = forecast(bundle, scenario, calibration);
    const candidates = bundle.candidates!;
    const best = Array.from(result.net.keys()).filter((c) => Number.isFinite(result.net[c])).reduce((a, b) => (result.net[b] > result.net[a] ? b : a));
    expect(html).toContain(`The best net forecast is <strong>${candidates.ids[best]}</strong>`);
    expect(html).toContain(`a net gain of <strong>${formatNumber(result.net[best])}</strong>`);
  });

  it('04-real-city: a folder without bundle.json is refused with a clear message and exit status 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    mkdirSync(resolve(repo, 'test-output'), { recursive: true });
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stderrIsTTY: false, cwd: repo };
    const status = await main(['notebook', 'notebooks/04-real-city.ts', '--out', 'test-output/04-no-manifest.html', '--json', '--', '../shared/data/dc'], io);
    expect(status).toBe(2);
    expect(err.join('')).toContain('../shared/data/dc has no bundle.json; write a manifest there');
    expect(err.join('')).toContain('--manifest FILE');
    const summary = JSON.parse(out.join('')) as { ok: boolean; error: { name: string; where: string } };
    expect(summary.ok).toBe(false);
    expect(summary.error.name).toBe('BundleError');
    expect(summary.error.where).toMatch(/^line \d+, cell \d+ "Load"$/);
  });
});
