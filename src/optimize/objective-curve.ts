/**
 * How many outlets: the objective for p = from…to new sites, each step's marginal gain, and the
 * knee — the p after which another site buys clearly less. Each p is solved on its own (exact or
 * heuristic, as `optimize` decides), so every point carries its own bound and gap.
 */
import { UsageError } from '../errors.ts';
import { optimize } from './optimize.ts';
import { kneeIndex } from './curve-shape.ts';
import type { OptimizeOptions, OptimizeProblem, OptimizeResult } from './problem.ts';

export interface CurvePoint {
  p: number;
  result: OptimizeResult;
  /** Improvement over the previous p (objective gained for MCLP/Huff, saved for p-median/p-center); null for the first. */
  marginalGain: number | null;
}

export interface ObjectiveCurve {
  points: CurvePoint[];
  /** The p at the knee (largest distance from the chord between the first and last points), null with fewer than 3 points. */
  kneeP: number | null;
}

export async function objectiveCurve(problem: OptimizeProblem, from: number, to: number, opts: OptimizeOptions = {}): Promise<ObjectiveCurve> {
  if (problem.model === 'lscp') throw new UsageError('LSCP chooses how many sites itself: give --p ranges to mclp, pmedian, pcenter or huff');
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) throw new UsageError(`invalid range of p: ${from}..${to} (give whole numbers, smallest first, e.g. --p 1..10)`);
  const maximise = problem.model === 'mclp' || problem.model === 'huff';
  const points: CurvePoint[] = [];
  for (let p = from; p <= to; p++) {
    const result = await optimize({ ...problem, p }, {
      ...opts,
      onProgress: (s) => opts.onProgress?.({ stage: `p = ${p}: ${s.stage}`, fraction: (p - from + s.fraction) / (to - from + 1) }),
    });
    const prev = points.at(-1);
    const marginalGain = prev ? (maximise ? result.objective - prev.result.objective : prev.result.objective - result.objective) : null;
    points.push({ p, result, marginalGain });
  }
  const knee = kneeIndex(points.map((c) => c.p), points.map((c) => c.result.objective));
  return { points, kneeP: knee === null ? null : points[knee].p };
}
