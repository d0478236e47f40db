/**
 * Optimisation benchmark:
 *   npm run bench:optimize -- [--in /tmp/peerbench/medium] [--radius 1000] [--p 50] [--skip-medium]
 * 1. Exact SF spopt solves (205 × 16, p = 4, S = 5 000 m): wall time per model, first (with the
 *    HiGHS wasm load) and warm.
 * 2. Greedy MCLP on the medium workload of ../shared/bench/gen.mjs (1 M demand, 10 k candidates):
 *    time to build the sparse coverage (grid index → CSR), time of lazy greedy and of its
 *    Lagrangian bound (--lagrangian-steps, default 20), peak RSS.
 *    Generate it first with: node ../shared/bench/gen.mjs --size medium --out /tmp/peerbench/medium
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadedBundle, PointLayer } from '../src/data/layer.ts';
import { coverageOracle } from '../src/optimize/coverage-oracle.ts';
import { costTableFromCsv, optimize, problemFromBundle, problemFromCostTable, type ModelName } from '../src/optimize/index.ts';
import { lazyGreedy } from '../src/optimize/lazy-greedy.ts';
import { mclpLagrangianBound } from '../src/optimize/mclp-lagrangian.ts';

const { values: opt } = parseArgs({
  options: {
    in: { type: 'string', default: '/tmp/peerbench/medium' },
    radius: { type: 'string', default: '1000' },
    p: { type: 'string', default: '50' },
    'skip-medium': { type: 'boolean', default: false },
    'lagrangian-steps': { type: 'string', default: '20' },
  },
});

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

await sf();
if (!opt['skip-medium']) await medium(opt.in, Number(opt.radius), Number(opt.p));
