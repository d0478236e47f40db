/**
 * `siteselect optimize`: choose p sites (MCLP, LSCP, p-median, p-center, Huff share) from a
 * bundle or from a long-format cost table, exactly with HiGHS where the instance allows, else by
 * lazy greedy with a bound. Flags and output; the problem comes from src/node/optimize-problem.ts.
 */
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { optimizeProblem, type CapacityRequest, type OptimizeInputs } from '../../node/optimize-problem.ts';
import { optimize } from '../../optimize/optimize.ts';
import { MODEL_NAMES, type ModelName, type OptimizeProblem, type OptimizeResult } from '../../optimize/problem.ts';
import { objectiveCurve, type ObjectiveCurve } from '../../optimize/objective-curve.ts';
import { summarise, summariseCurve } from '../../optimize/summary.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { stageProgress } from '../progress-bar.ts';
import { parseOptions, type OptionValues } from '../parse-options.ts';
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
type OptimizeValues = OptionValues<typeof OPTIONS>;

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
function capacityRequest(v: OptimizeValues): CapacityRequest | undefined {
  const uniform = numberFlag('capacity', v.capacity);
  if (uniform !== undefined && !(uniform >= 0)) throw new UsageError(`--capacity needs a demand weight >= 0, got '${v.capacity}'`);
  const column = v['capacity-col'];
  const byType = capacityByType(v['capacity-type']);
  if ((column !== undefined || byType !== undefined) && v.bundle === undefined) throw new UsageError('--capacity-col and --capacity-type need --bundle DIR (with --costs give --capacity W)');
  if (uniform === undefined && column === undefined && byType === undefined) return undefined;
  return { uniform, column, byType };
}

function inputsOf(v: OptimizeValues, model: ModelName, cwd: string): OptimizeInputs {
  const range = pRange(v.p);
  const inputs: OptimizeInputs = {
    model,
    p: range ? range.to : numberFlag('p', v.p, true),
    radius: numberFlag('radius', v.radius),
    fixed: v.fixed?.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    scenarioFile: v.scenario === undefined ? undefined : path.resolve(cwd, v.scenario),
    capacity: capacityRequest(v),
  };
  if ((v.bundle === undefined) === (v.costs === undefined)) throw new UsageError('give exactly one input: --bundle DIR or --costs FILE (see siteselect optimize --help)');
  if (v.network !== undefined && v.bundle === undefined) throw new UsageError('--network needs --bundle DIR with a street network ("roads" in its bundle.json)');
  if (v.bundle !== undefined) {
    const metric = v['network-metric'];
    if (metric !== undefined && metric !== 'length' && metric !== 'time') throw new UsageError(`--network-metric must be length or time, got '${metric}'`);
    return { ...inputs, bundle: v.bundle, network: v.network === undefined ? undefined : { profile: v.network, metric: metric ?? 'length' } };
  }
  const cols = { origin: v['origin-col'], destination: v['destination-col'], cost: v['cost-col'], weight: v['weight-col'] };
  const missing = Object.entries(cols).filter(([, c]) => c === undefined).map(([k]) => `--${k}-col`);
  if (missing.length > 0) throw new UsageError(`--costs needs ${missing.join(', ')} naming its columns (e.g. --origin-col DestinationName --destination-col name --cost-col distance --weight-col demand)`);
  return { ...inputs, costs: { file: v.costs!, columns: { origin: cols.origin!, destination: cols.destination!, cost: cols.cost!, weight: cols.weight! } } };
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
    const inputs = inputsOf(v, model as ModelName, io.cwd);
    if (v['single-source'] && !inputs.capacity) throw new UsageError('--single-source needs --capacity W, --capacity-col C or --capacity-type T=W');
    const { problem, rejected } = await optimizeProblem(inputs, { cwd: io.cwd, note: io.stderr });
    if (problem.capacity) problem.singleSource = v['single-source'];
    const onProgress = stageProgress(io, v.json);
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
