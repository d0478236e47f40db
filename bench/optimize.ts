/**
 * Optimisation benchmark:
 *   npm run bench:optimize -- [--only sf,orlib,sample,dense,medium] [--orlib-exact] [--in /tmp/peerbench/medium]
 *                             [--radius 1000] [--p 50] [--skip-medium]
 * 1. Exact SF spopt solves (205 × 16, p = 4, S = 5 000 m): CPU time per model, first (with the
 *    HiGHS wasm load) and warm.
 * 2. OR-Library pmed1–20 through the cost-table door (a long CSV of all n² shortest-path pairs,
 *    read by problemFromCostCsv) with the p-median heuristic: objective against the proven optimum,
 *    the Lagrangian bound, time. --orlib-exact also runs --method exact (60 s limit) where the
 *    MILP has at most 50 000 pairs (pmed1–10).
 * 3. The sample city, p-median p = 10 over all 12.6 M pairs (own outlets kept open), Automatic:
 *    answer, gap, time; and p-center / LSCP at the same size.
 * 4. A dense 1 000 × 1 000 cost table (1 M rows, CSV) loaded through the CSV door: time and heap.
 * 5. Greedy MCLP on the medium workload of ../shared/bench/gen.mjs (1 M demand, 10 k candidates):
 *    time to build the sparse coverage (grid index → CSR), time of lazy greedy and of its
 *    Lagrangian bound (--lagrangian-steps, default 20), peak RSS.
 *    Generate it first with: node ../shared/bench/gen.mjs --size medium --out /tmp/peerbench/medium
 * Figures are CPU seconds of this process unless marked wall: the machine is shared.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadedBundle, PointLayer } from '../src/data/layer.ts';
import { coverageOracle } from '../src/optimize/coverage-oracle.ts';
import { loadBundleDir } from '../src/node/load-bundle-dir.ts';
import { costTableFromCsv, optimize, problemFromBundle, problemFromCostCsv, problemFromCostTable, type ModelName } from '../src/optimize/index.ts';
import { mulberry32 } from '../src/sensitivity/random.ts';
import { orlibOptima, readOrlib } from '../test/optimize/orlib-pmed.ts';
import { lazyGreedy } from '../src/optimize/lazy-greedy.ts';
import { mclpLagrangianBound } from '../src/optimize/mclp-lagrangian.ts';

const { values: opt } = parseArgs({
  options: {
    in: { type: 'string', default: '/tmp/peerbench/medium' },
    radius: { type: 'string', default: '1000' },
    p: { type: 'string', default: '50' },
    'skip-medium': { type: 'boolean', default: false },
    'lagrangian-steps': { type: 'string', default: '20' },
    only: { type: 'string', default: 'sf,orlib,sample,dense,medium' },
    'orlib-exact': { type: 'boolean', default: false },
  },
});
const only = new Set(opt.only.split(','));

const lagIterations = Number(opt['lagrangian-steps']);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
/** CPU seconds of this process: wall time is inflated when the machine is shared. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function sf(): Promise<void> {
  const file = resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'sf-spopt', 'SF_network_distance_candidateStore_16_censusTract_205_new.csv');
  const table = costTableFromCsv(file, readFileSync(file, 'utf8'));
  const columns = { origin: 'DestinationName', destination: 'name', cost: 'distance', weight: 'demand' };
  for (const model of ['mclp', 'lscp', 'pmedian', 'pcenter'] as ModelName[]) {
    const times: number[] = [];
    let last;
    for (let run = 0; run < 3; run++) {
      const { problem } = problemFromCostTable({ model, table, columns, p: 4, radius: 5000 });
      const c0 = cpu();
      last = await optimize(problem);
      times.push(cpu() - c0);
    }
    console.log(`SF ${model.padEnd(8)} exact=${last!.exact} objective=${last!.objective.toFixed(3)} selected=${last!.selectedIds.join(',')} CPU first ${times[0].toFixed(3)} s (with wasm load), warm ${Math.min(...times.slice(1)).toFixed(3)} s`);
  }
}

/** id,lon,lat[,pop]: a plain numeric CSV as gen.mjs writes it. */
function readPoints(file: string, layer: 'demand' | 'candidates', weightCol?: string): PointLayer {
  const text = readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).trim().split(',');
  const iLon = header.indexOf('lon');
  const iLat = header.indexOf('lat');
  const iW = weightCol ? header.indexOf(weightCol) : -1;
  const rows = text.split('\n');
  const n = rows.length - 1 - (rows[rows.length - 1] === '' ? 1 : 0);
  const ids: string[] = new Array<string>(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const w = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const f = rows[r + 1].split(',');
    ids[r] = f[0];
    lon[r] = Number(f[iLon]);
    lat[r] = Number(f[iLat]);
    if (iW >= 0) w[r] = Number(f[iW]);
  }
  return { kind: 'point', layer, ids, lon, lat, numeric: iW >= 0 ? { population: w } : {}, text: {} };
}

async function medium(dir: string, radius: number, p: number): Promise<void> {
  if (!existsSync(join(dir, 'demand.csv'))) {
    console.log(`medium: ${dir}/demand.csv not found; generate it with node ../shared/bench/gen.mjs --size medium --out ${dir}`);
    return;
  }
  let t0 = performance.now();
  const demand = readPoints(join(dir, 'demand.csv'), 'demand', 'pop');
  const candidates = readPoints(join(dir, 'candidates.csv'), 'candidates');
  console.log(`medium: read ${demand.ids.length} demand, ${candidates.ids.length} candidates in ${((performance.now() - t0) / 1000).toFixed(2)} s; peak RSS ${mb(peakRss())}`);
  const bundle: LoadedBundle = { name: 'medium', synthetic: true, demand, candidates, reports: [] };
  t0 = performance.now();
  let c0 = cpu();
  const problem = problemFromBundle(bundle, { model: 'mclp', p, radius });
  const build = (performance.now() - t0) / 1000;
  const buildCpu = cpu() - c0;
  const pairs = problem.costs.demand.length;
  console.log(`medium: coverage CSR within ${radius} m: ${pairs} pairs (${(pairs / candidates.ids.length).toFixed(0)} per candidate, ${mb(pairs * 12)}), built in ${build.toFixed(2)} s wall, ${buildCpu.toFixed(2)} s CPU; peak RSS ${mb(peakRss())}`);
  // The phases optimize() runs for a big MCLP, timed one by one: lazy greedy, then its bounds.
  t0 = performance.now();
  c0 = cpu();
  const run = lazyGreedy(coverageOracle(problem.costs, radius), p, []);
  const greedyWall = (performance.now() - t0) / 1000;
  const greedyCpu = cpu() - c0;
  let total = 0;
  for (const w of problem.costs.weights) total += w;
  console.log(`medium: lazy greedy MCLP p=${p}: covered ${run.value} (${((100 * run.value) / total).toFixed(2)} %), ${run.evaluations} gain evaluations (plain greedy: ${p * candidates.ids.length}), ${greedyWall.toFixed(2)} s wall, ${greedyCpu.toFixed(2)} s CPU; greedy's own bound ${run.bound.toFixed(0)} (gap ${((100 * (run.bound - run.value)) / run.value).toFixed(2)} %); peak RSS ${mb(peakRss())}`);
  t0 = performance.now();
  c0 = cpu();
  const lag = mclpLagrangianBound(problem.costs, { radius, totalOpen: p, fixed: [], lowerBound: run.value, iterations: lagIterations });
  const lagWall = (performance.now() - t0) / 1000;
  console.log(`medium: Lagrangian bound ${lag.bound.toFixed(0)} after ${lag.iterations} steps (gap ${((100 * (lag.bound - run.value)) / run.value).toFixed(2)} %), ${lagWall.toFixed(2)} s wall, ${(cpu() - c0).toFixed(2)} s CPU; peak RSS ${mb(peakRss())}`);
}

/** All n² pairs as a long CSV, the way a PySAL user would hand them over. */
function longCsv(n: number, m: number, cost: (i: number, j: number) => number): string {
  const rows = ['origin,destination,cost,weight'];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) rows.push(`v${i + 1},v${j + 1},${cost(i, j)},1`);
  return rows.join('\n') + '\n';
}

const columns = { origin: 'origin', destination: 'destination', cost: 'cost', weight: 'weight' };

async function orlib(): Promise<void> {
  const optima = orlibOptima();
  const gaps: number[] = [];
  console.log('| instance | n | p | optimum | heuristic | off optimum | Lagrangian bound | reported gap | CPU s | exact (MILP) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (let k = 1; k <= 20; k++) {
    const name = `pmed${k}`;
    const inst = readOrlib(name);
    const text = longCsv(inst.n, inst.n, (i, j) => inst.cost[i * inst.n + j]);
    const { problem } = problemFromCostCsv({ model: 'pmedian', file: `${name}.csv`, text, columns, p: inst.p });
    const c0 = cpu();
    const r = await optimize(problem, { method: 'heuristic', timeLimit: 60 });
    const took = cpu() - c0;
    const best = optima.get(name)!;
    const off = (r.objective - best) / best;
    gaps.push(off);
    let exact = '–';
    if (opt['orlib-exact'] && inst.n * inst.n <= 50_000) {
      const e0 = cpu();
      try {
        const e = await optimize(problem, { method: 'exact', timeLimit: 60 });
        exact = `${e.objective}${e.exact ? ' (optimal)' : ` (gap ${(100 * e.gap).toFixed(2)} %)`}, ${(cpu() - e0).toFixed(1)} s`;
      } catch (err) {
        exact = `${(err as Error).message.slice(0, 40)}, ${(cpu() - e0).toFixed(1)} s`;
      }
    }
    console.log(`| ${name} | ${inst.n} | ${inst.p} | ${best} | ${r.objective} | ${(100 * off).toFixed(2)} % | ${r.bound} | ${r.exact ? 'proved optimal' : `${(100 * r.gap).toFixed(2)} %`} | ${took.toFixed(2)} | ${exact} |`);
  }
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  console.log(`orlib: mean off optimum ${(100 * mean).toFixed(3)} %, worst ${(100 * Math.max(...gaps)).toFixed(3)} %`);
}

async function sample(): Promise<void> {
  const dir = resolve(import.meta.dirname, '..', 'data', 'sample');
  const bundle = await loadBundleDir(dir);
  for (const [model, extra] of [['pmedian', {}], ['pcenter', {}], ['lscp', { radius: 3000 }]] as const) {
    const t0 = performance.now();
    const c0 = cpu();
    const problem = problemFromBundle(bundle, { model, p: 10, ...extra });
    const build = cpu() - c0;
    const r = await optimize(problem, { method: 'auto' });
    const wall = (performance.now() - t0) / 1000;
    console.log(`sample ${model}${model === 'lscp' ? ' 3 000 m' : ' p=10'}: ${problem.costs.cost.length} pairs (${problem.costs.n} × ${problem.costs.m}, ${problem.fixed?.length ?? 0} fixed) built in ${build.toFixed(2)} s CPU; ${r.method} objective ${r.objective.toFixed(1)} bound ${r.bound.toFixed(1)} gap ${(100 * r.gap).toFixed(3)} %${r.exact ? ' (proved optimal)' : ''}; solve ${(cpu() - c0 - build).toFixed(2)} s CPU, total ${wall.toFixed(2)} s wall; peak RSS ${mb(peakRss())}`);
  }
}

async function dense(): Promise<void> {
  const n = 1000;
  const rnd = mulberry32(7);
  const xy = Array.from({ length: n }, () => [rnd() * 10_000, rnd() * 10_000]);
  const text = longCsv(n, n, (i, j) => Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])));
  global.gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heap0 = used();
  const c0 = cpu();
  const { problem, rejects } = problemFromCostCsv({ model: 'pmedian', file: 'dense.csv', text, columns, p: 10 });
  const load = cpu() - c0;
  global.gc?.();
  const heap1 = used();
  const c1 = cpu();
  const r = await optimize(problem, { method: 'auto', timeLimit: 60 });
  console.log(`dense: ${n * n} rows (${mb(text.length)} of CSV) read into typed arrays in ${load.toFixed(2)} s CPU, ${rejects.length} rejects, heap and buffers +${mb(heap1 - heap0)}${global.gc ? '' : ' (run node with --expose-gc for an exact heap figure)'}; p-median p=10 ${r.method} gap ${(100 * r.gap).toFixed(3)} % in ${(cpu() - c1).toFixed(2)} s CPU`);
}

if (only.has('sf')) await sf();
if (only.has('orlib')) await orlib();
if (only.has('sample')) await sample();
if (only.has('dense')) await dense();
if (only.has('medium') && !opt['skip-medium']) await medium(opt.in, Number(opt.radius), Number(opt.p));
