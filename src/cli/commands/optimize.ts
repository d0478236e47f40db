/**
 * `siteselect optimize`: choose p sites (MCLP, LSCP, p-median, p-center, Huff share) from a
 * bundle or from a long-format cost table, exactly with HiGHS where the instance allows, else by
 * lazy greedy with a bound. Flags and output; the problem comes from src/node/optimize-problem.ts.
 */
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { optimizeProblem, type CapacityRequest, type OptimizeInputs } from '../../node/optimize-problem.ts';
import { optimize } from '../../optimize/optimize.ts';
import { type ModelName, type OptimizeProblem, type OptimizeResult } from '../../optimize/problem.ts';
import { objectiveCurve, type ObjectiveCurve } from '../../optimize/objective-curve.ts';
import { summarise, summariseCurve } from '../../optimize/summary.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { stageProgress } from '../progress-bar.ts';
import { printSummary } from '../output.ts';
import type { OptionValues } from '../parse-options.ts';
import type { SPEC } from '../usage/optimize.ts';

type OptimizeValues = OptionValues<typeof SPEC.options>;

/** `--p N`, or `--p FROM..TO` (the objective curve). */
function pFlag(v: string | undefined): { p?: number; range?: { from: number; to: number } } {
  if (v === undefined) return {};
  const m = v.trim().match(/^(\d+)\s*\.\.\s*(\d+)$/);
  if (!m) {
    if (!/^\s*\d+\s*$/.test(v)) throw new UsageError(`--p needs a whole number, got '${v}'`);
    return { p: Number(v) };
  }
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (to < from) throw new UsageError(`--p ${v}: the range must go up (e.g. --p 1..10)`);
  return { p: to, range: { from, to } };
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
  const uniform = v.capacity;
  const column = v['capacity-col'];
  const byType = capacityByType(v['capacity-type']);
  if (uniform === undefined && column === undefined && byType === undefined) return undefined;
  return { uniform, column, byType };
}

function inputsOf(v: OptimizeValues, model: ModelName, cwd: string): OptimizeInputs {
  const inputs: OptimizeInputs = {
    model,
    p: pFlag(v.p).p,
    radius: v.radius,
    fixed: v.fixed,
    scenarioFile: v.scenario === undefined ? undefined : path.resolve(cwd, v.scenario),
    capacity: capacityRequest(v),
  };
  if ((v.bundle === undefined) === (v.costs === undefined)) throw new UsageError('give exactly one input: --bundle DIR or --costs FILE (see siteselect optimize --help)');
  if (v.bundle !== undefined) {
    return { ...inputs, bundle: v.bundle, network: v.network === undefined ? undefined : { profile: v.network, metric: v['network-metric'] } };
  }
  const cols = { origin: v['origin-col'], destination: v['destination-col'], cost: v['cost-col'], weight: v['weight-col'] };
  const missing = Object.entries(cols).filter(([, c]) => c === undefined).map(([k]) => `--${k}-col`);
  if (missing.length > 0) throw new UsageError(`--costs needs ${missing.join(', ')} naming its columns (e.g. --origin-col DestinationName --destination-col name --cost-col distance --weight-col demand)`);
  return { ...inputs, costs: { file: v.costs!, columns: { origin: cols.origin!, destination: cols.destination!, cost: cols.cost!, weight: cols.weight! } } };
}

function toText(r: OptimizeResult, problem: OptimizeProblem): string[] {
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
  return lines;
}

function curveText(curve: ObjectiveCurve): string[] {
  const rows = curve.points.map((c) => {
    const gap = c.result.exact ? 'optimal' : `${(100 * c.result.gap).toFixed(2)} %`;
    const gain = c.marginalGain === null ? '' : c.marginalGain.toFixed(1);
    return `${String(c.p).padStart(4)}  ${c.result.objective.toFixed(1).padStart(16)}  ${gain.padStart(14)}  ${gap.padStart(9)}${c.p === curve.kneeP ? '   <- knee' : ''}`;
  });
  return [`   p         objective  marginal gain        gap`, ...rows, curve.kneeP === null ? 'knee: needs at least 3 values of p' : `knee at p = ${curve.kneeP}: past it each new site adds clearly less`];
}

export const command: Command<typeof SPEC> = {
  async run({ values: v }, io) {
    const { 'time-limit': timeLimit, method } = v;
    const inputs = inputsOf(v, v.model, io.cwd);
    if (v['single-source'] && !inputs.capacity) throw new UsageError('--single-source needs --capacity W, --capacity-col C or --capacity-type T=W');
    const { problem, rejected } = await optimizeProblem(inputs, { cwd: io.cwd, note: io.stderr });
    if (problem.capacity) problem.singleSource = v['single-source'];
    const { onProgress, done } = stageProgress(io, v.json);
    const { range } = pFlag(v.p);
    if (range) {
      const curve = await objectiveCurve(problem, range.from, range.to, { timeLimit, method, onProgress });
      done();
      printSummary(io, v.json, summariseCurve(curve, problem, rejected), () => curveText(curve));
    } else {
      const result = await optimize(problem, { timeLimit, method, onProgress });
      done();
      printSummary(io, v.json, summarise(result, problem, rejected), () => toText(result, problem));
    }
    return EXIT_OK;
  },
};
