/**
 * "How many outlets" for a bundle in one call: `pmedian:1..10` (or `mclp:1..8`, radius from the
 * scenario's candidate type) → the objective curve's summary, as `optimize --p 1..10 --json` gives
 * it. For the report's section and any caller that holds a bundle and a scenario.
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle } from '../data/layer.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { problemFromBundle } from './from-bundle.ts';
import { objectiveCurve } from './objective-curve.ts';
import { MODEL_NAMES, type ModelName, type OptimizeOptions } from './problem.ts';
import { summariseCurve, type OptimizeCurveSummary } from './summary.ts';

export interface CurveSpec {
  model: ModelName;
  from: number;
  to: number;
}

export function parseCurveSpec(spec: string): CurveSpec {
  const m = spec.trim().match(/^([a-z]+):(\d+)\s*\.\.\s*(\d+)$/);
  if (!m || !(MODEL_NAMES as readonly string[]).includes(m[1]) || m[1] === 'lscp') {
    throw new UsageError(`the curve needs MODEL:FROM..TO with MODEL one of mclp, pmedian, pcenter, huff (e.g. pmedian:1..10), got '${spec}'`);
  }
  const from = Number(m[2]);
  const to = Number(m[3]);
  if (to < from) throw new UsageError(`the curve ${spec}: the range must go up (e.g. pmedian:1..10)`);
  return { model: m[1] as ModelName, from, to };
}

export async function bundleCurve(bundle: LoadedBundle, scenario: Scenario, spec: CurveSpec, opts: OptimizeOptions = {}): Promise<OptimizeCurveSummary> {
  const problem = problemFromBundle(bundle, { model: spec.model, p: spec.to, scenario, signal: opts.signal });
  const curve = await objectiveCurve(problem, spec.from, spec.to, opts);
  return summariseCurve(curve, problem);
}
