/**
 * How many outlets: the objective for p = from…to new sites, each step's marginal gain, and the
 * knee — the p after which another site buys clearly less. Each p is solved on its own (exact or
 * heuristic, as `optimize` decides), so every point carries its own bound and gap.
 */
import { UsageError } from '../data/errors.ts';
import { optimize } from './optimize.ts';
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

/**
 * Kneedle's idea (Satopää et al. 2011) in its simplest form: scale p and the objective to 0–1 and
 * take the point farthest from the straight line joining the ends.
 */
export function kneeIndex(xs: readonly number[], ys: readonly number[]): number | null {
  const k = xs.length;
  if (k < 3) return null;
  const [x0, x1, y0, y1] = [xs[0], xs[k - 1], ys[0], ys[k - 1]];
  if (x1 === x0 || y1 === y0) return null;
  let best = -1;
  let bestDist = 0;
  for (let t = 1; t < k - 1; t++) {
    const u = (xs[t] - x0) / (x1 - x0);
    const v = (ys[t] - y0) / (y1 - y0);
    const d = Math.abs(v - u);
    if (d > bestDist + 1e-12) {
      bestDist = d;
      best = t;
    }
  }
  return best < 0 ? null : best;
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
