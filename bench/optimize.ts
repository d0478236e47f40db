/**
 * Optimisation benchmark:
 *   npm run bench:optimize -- [--in /tmp/peerbench/medium] [--radius 1000] [--p 50] [--skip-medium]
 * 1. Exact SF spopt solves (205 × 16, p = 4, S = 5 000 m): wall time per model, first (with the
 *    HiGHS wasm load) and warm.
 * 2. Greedy MCLP on the medium workload of ../shared/bench/gen.mjs (1 M demand, 10 k candidates):
 *    time to build the sparse coverage (grid index → CSR), time of lazy greedy, peak RSS.
 *    Generate it first with: node ../shared/bench/gen.mjs --size medium --out /tmp/peerbench/medium
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadedBundle, PointLayer } from '../src/data/layer.ts';
import { costTableFromCsv, optimize, problemFromBundle, problemFromCostTable, type ModelName } from '../src/optimize/index.ts';

const { values: opt } = parseArgs({
  options: {
    in: { type: 'string', default: '/tmp/peerbench/medium' },
    radius: { type: 'string', default: '1000' },
    p: { type: 'string', default: '50' },
    'skip-medium': { type: 'boolean', default: false },
  },
});

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
  t0 = performance.now();
  c0 = cpu();
  const r = await optimize(problem);
  const solve = (performance.now() - t0) / 1000;
  const solveCpu = cpu() - c0;
  console.log(`medium: MCLP p=${p} ${r.method} exact=${r.exact} objective=${r.objective} (${r.coveragePct?.toFixed(2)} % covered) bound=${r.bound.toFixed(0)} gap=${(100 * r.gap).toFixed(2)} %`);
  console.log(`medium: optimize ${solve.toFixed(2)} s wall, ${solveCpu.toFixed(2)} s CPU (${r.notes.join('; ')}); peak RSS ${mb(peakRss())}`);
}

await sf();
if (!opt['skip-medium']) await medium(opt.in, Number(opt.radius), Number(opt.p));
