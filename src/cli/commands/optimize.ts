/**
 * `siteselect optimize`: choose p sites (MCLP, LSCP, p-median, p-center, Huff share) from a
 * bundle or from a long-format cost table, exactly with HiGHS where the instance allows, else by
 * lazy greedy with a bound. A thin shell over problemFromBundle / problemFromCostCsv + optimize.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BundleError, UsageError } from '../../errors.ts';
import type { LoadedBundle, Reject } from '../../data/layer.ts';
import { loadBundleDir } from '../../node/load-bundle-dir.ts';
import { capacitiesFromBundle } from '../../optimize/capacity-from-bundle.ts';
import { problemFromBundle } from '../../optimize/from-bundle.ts';
import { problemFromCostCsv } from '../../optimize/from-cost-table.ts';
import { optimize } from '../../optimize/optimize.ts';
import { MODEL_NAMES, type ModelName, type OptimizeProblem, type OptimizeResult } from '../../optimize/problem.ts';
import { objectiveCurve, type ObjectiveCurve } from '../../optimize/objective-curve.ts';
import { summarise, summariseCurve } from '../../optimize/summary.ts';
import { parseScenario, type Scenario } from '../../scenario/scenario.ts';
import { locateBundle } from '../bundle-location.ts';
import { EXIT_OK, type CliIO, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { USAGE } from '../usage/optimize.ts';

const OPTIONS = {
  model: { type: 'string' },
  p: { type: 'string' },
  radius: { type: 'string' },
  bundle: { type: 'string' },
  scenario: { type: 'string' },
  costs: { type: 'string' },
  'origin-col': { type: 'string' },
  'destination-col': { type: 'string' },
  'cost-col': { type: 'string' },
  'weight-col': { type: 'string' },
  fixed: { type: 'string' },
  'time-limit': { type: 'string' },
  method: { type: 'string' },
  network: { type: 'string' },
  'network-metric': { type: 'string' },
  json: { type: 'boolean', default: false },
  capacity: { type: 'string' },
  'capacity-col': { type: 'string' },
  'capacity-type': { type: 'string' },
  'single-source': { type: 'boolean', default: false },
} as const;

function numberFlag(name: string, v: string | undefined, whole = false): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || (whole && !Number.isInteger(x))) throw new UsageError(`--${name} needs ${whole ? 'a whole number' : 'a number'}, got '${v}'`);
  return x;
}

/** `--p FROM..TO` (the objective curve), or null for a single p. */
function pRange(v: string | undefined): { from: number; to: number } | null {
  const m = v?.trim().match(/^(\d+)\s*\.\.\s*(\d+)$/);
  if (!m) return null;
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (to < from) throw new UsageError(`--p ${v}: the range must go up (e.g. --p 1..10)`);
  return { from, to };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new BundleError(file, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the path`, { cause: err });
  }
}

async function loadScenario(file: string | undefined): Promise<Scenario | undefined> {
  if (file === undefined) return undefined;
  const text = await readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BundleError(file, `${file} is not valid JSON (${(err as Error).message}); fix the syntax`, { cause: err });
  }
  return parseScenario(json, file);
}

function huffFromScenario(scenario: Scenario | undefined, m: number, n: number) {
  const h = scenario?.huff ?? { beta: 2, floor: 50 };
  return { attractiveness: new Float64Array(m).fill(1), competitorPressure: new Float64Array(n), beta: h.beta, floor: h.floor };
}

function describeRejects(file: string, rejects: Reject[], count = rejects.length): string {
  const first = rejects.slice(0, 5).map((r) => `  ${file} row ${r.row} (${r.column}): ${r.reason}${r.value !== undefined ? ` '${r.value}'` : ''}`);
  return `${count} row(s) of ${file} skipped:\n${first.join('\n')}${count > 5 ? '\n  …' : ''}\n`;
}

/** `--capacity-type branch=50000,agent=20000` → { branch: 50000, agent: 20000 }. */
function capacityByType(v: string | undefined): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of v.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = part.match(/^([^=]+)=(.+)$/);
    const w = m ? Number(m[2]) : NaN;
    if (!m || !(w >= 0)) throw new UsageError(`--capacity-type needs TYPE=W pairs with W >= 0 (e.g. branch=50000,agent=20000), got '${part}'`);
    out[m[1].trim()] = w;
  }
  return out;
}

/** The capacities the flags ask for, or undefined for an uncapacitated run. */
function capacities(v: Record<string, string | boolean | undefined>, problem: OptimizeProblem, from?: { bundle: LoadedBundle; scenario?: Scenario }): Float64Array | undefined {
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const uniform = numberFlag('capacity', str('capacity'));
  if (uniform !== undefined && !(uniform >= 0)) throw new UsageError(`--capacity needs a demand weight >= 0, got '${str('capacity')}'`);
  const column = str('capacity-col');
  const byType = capacityByType(str('capacity-type'));
  if ((column !== undefined || byType !== undefined) && !from) throw new UsageError('--capacity-col and --capacity-type need --bundle DIR (with --costs give --capacity W)');
  if (uniform === undefined && column === undefined && byType === undefined) return undefined;
  if (!from) return new Float64Array(problem.costs.m).fill(uniform!);
  const { bundle, scenario } = from;
  if (column !== undefined && !bundle.candidates?.numeric[column]) throw new UsageError(`--capacity-col ${column}: the candidates have no numeric column '${column}' (map it in bundle.json)`);
  return capacitiesFromBundle(bundle, bundle.candidates, problem.costs.m, { column, byType, uniform, candidateType: scenario?.candidateType ?? 'branch' });
}

async function buildProblem(v: Record<string, string | boolean | undefined>, io: CliIO, model: ModelName): Promise<{ problem: OptimizeProblem; rejected: number; bundle?: LoadedBundle; scenario?: Scenario }> {
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const range = pRange(str('p'));
  const p = range ? range.to : numberFlag('p', str('p'), true);
  const radius = numberFlag('radius', str('radius'));
  const fixed = str('fixed')?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const scenario = await loadScenario(str('scenario') && path.resolve(io.cwd, str('scenario')!));
  const bundleDir = str('bundle');
  const costsFile = str('costs');
  if ((bundleDir === undefined) === (costsFile === undefined)) throw new UsageError('give exactly one input: --bundle DIR or --costs FILE (see siteselect optimize --help)');
  if (str('network') !== undefined && bundleDir === undefined) throw new UsageError('--network needs --bundle DIR with a street network ("roads" in its bundle.json)');
  if (bundleDir !== undefined) {
    const { dir, manifestPath } = await locateBundle(bundleDir, io.cwd);
    const bundle = await loadBundleDir(dir, { manifestPath });
    const network = str('network');
    const pairs = network === undefined ? undefined : await networkPairsFor(bundle, network, str('network-metric'), io);
    // The rows the problem is built from: candidate sites and demand points.
    const inputs = bundle.reports.filter((r) => (r.layer === 'candidates' || r.layer === 'demand') && r.rejected > 0);
    for (const r of inputs) io.stderr(describeRejects(r.file, r.rejects, r.rejected));
    return { problem: problemFromBundle(bundle, { model, p, radius, scenario, fixed, pairs }), rejected: inputs.reduce((s, r) => s + r.rejected, 0), bundle, scenario };
  }
  const cols = { origin: str('origin-col'), destination: str('destination-col'), cost: str('cost-col'), weight: str('weight-col') };
  const missing = Object.entries(cols).filter(([, c]) => c === undefined).map(([k]) => `--${k}-col`);
  if (missing.length > 0) throw new UsageError(`--costs needs ${missing.join(', ')} naming its columns (e.g. --origin-col DestinationName --destination-col name --cost-col distance --weight-col demand)`);
  const file = path.resolve(io.cwd, costsFile!);
  const columns = { origin: cols.origin!, destination: cols.destination!, cost: cols.cost!, weight: cols.weight! };
  const first = problemFromCostCsv({ model, file: costsFile!, text: await readText(file), columns, p, radius, fixed });
  if (first.rejects.length > 0) io.stderr(describeRejects(costsFile!, first.rejects));
  if (model === 'huff') first.problem.huff = huffFromScenario(scenario, first.problem.costs.m, first.problem.costs.n);
  return { problem: first.problem, rejected: first.rejects.length };
}

/** The --network door: sparse demand → site costs over the bundle's streets (src/network). */
async function networkPairsFor(bundle: LoadedBundle, profile: string, metric: string | undefined, io: CliIO) {
  if (metric !== undefined && metric !== 'length' && metric !== 'time') throw new UsageError(`--network-metric must be length or time, got '${metric}'`);
  const { bundleRouter } = await import('../../network/bundle-graph.ts');
  const { networkPairs } = await import('../../network/network-pairs.ts');
  const router = await bundleRouter(bundle, profile, metric ?? 'length');
  io.stderr(`note: costs are ${profile} network ${metric === 'time' ? 'time in minutes' : 'length in metres'} over ${bundle.roads?.file}\n`);
  return networkPairs(router);
}

function toText(r: OptimizeResult, problem: OptimizeProblem): string {
  const fixed = new Set(problem.fixed ?? []);
  const chosen = r.selected.filter((j) => !fixed.has(j)).map((j) => problem.costs.facilityIds[j]);
  const lines = [
    `${r.model}: ${r.exact ? 'exact' : 'heuristic'} (${r.method}, ${r.status})`,
    `objective ${r.objective}   bound ${r.bound}   gap ${(100 * r.gap).toFixed(4)} %`,
    `selected (${chosen.length}): ${chosen.join(', ')}${fixed.size > 0 ? `   + ${fixed.size} fixed` : ''}`,
    ...(r.coveragePct !== null ? [`coverage ${r.coveragePct.toFixed(2)} % of demand within the radius`] : []),
    `mean distance ${r.meanDistance.toFixed(1)}   max distance ${r.maxDistance.toFixed(1)}   (${r.seconds.toFixed(2)} s)`,
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n') + '\n';
}

function curveText(curve: ObjectiveCurve): string {
  const rows = curve.points.map((c) => {
    const gap = c.result.exact ? 'optimal' : `${(100 * c.result.gap).toFixed(2)} %`;
    const gain = c.marginalGain === null ? '' : c.marginalGain.toFixed(1);
    return `${String(c.p).padStart(4)}  ${c.result.objective.toFixed(1).padStart(16)}  ${gain.padStart(14)}  ${gap.padStart(9)}${c.p === curve.kneeP ? '   <- knee' : ''}`;
  });
  return [`   p         objective  marginal gain        gap`, ...rows, curve.kneeP === null ? 'knee: needs at least 3 values of p' : `knee at p = ${curve.kneeP}: past it each new site adds clearly less`].join('\n') + '\n';
}

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const v = parseOptions(args, OPTIONS, 'optimize');
    const model = v.model;
    if (model === undefined || !(MODEL_NAMES as readonly string[]).includes(model)) throw new UsageError(`--model must be one of ${MODEL_NAMES.join(', ')} (got '${model ?? ''}')`);
    const method = v.method ?? 'auto';
    if (method !== 'auto' && method !== 'exact' && method !== 'heuristic') throw new UsageError(`--method must be auto, exact or heuristic (got '${method}')`);
    const timeLimit = numberFlag('time-limit', v['time-limit']);
    const { problem, rejected, bundle, scenario } = await buildProblem(v, io, model as ModelName);
    const capacity = capacities(v, problem, bundle && { bundle, scenario });
    if (capacity) {
      problem.capacity = capacity;
      problem.singleSource = v['single-source'];
    } else if (v['single-source']) throw new UsageError('--single-source needs --capacity W, --capacity-col C or --capacity-type T=W');
    const onProgress = io.stderrIsTTY && !v.json ? (p: { stage: string; fraction: number }) => io.stderr(`\r${p.stage} ${(100 * p.fraction).toFixed(0)} %   `) : undefined;
    const range = pRange(v.p);
    if (range) {
      const curve = await objectiveCurve(problem, range.from, range.to, { timeLimit, method, onProgress });
      if (onProgress) io.stderr('\n');
      io.stdout(v.json ? JSON.stringify(summariseCurve(curve, problem, rejected)) + '\n' : curveText(curve));
      return EXIT_OK;
    }
    const result = await optimize(problem, { timeLimit, method, onProgress });
    if (onProgress) io.stderr('\n');
    io.stdout(v.json ? JSON.stringify(summarise(result, problem, rejected)) + '\n' : toText(result, problem));
    return EXIT_OK;
  },
};
