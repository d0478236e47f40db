/**
 * The machine-readable result of `siteselect optimize --json`, declared once: the zod schema gives
 * the type, the runtime check and the committed schemas/optimize-summary.schema.json.
 */
import { z } from 'zod';
import type { ObjectiveCurve } from './objective-curve.ts';
import { MODEL_NAMES, SOLVE_METHODS, type OptimizeProblem, type OptimizeResult } from './problem.ts';

export const OptimizeSummary = z
  .object({
    model: z.enum(MODEL_NAMES),
    method: z.enum(SOLVE_METHODS),
    /** True when the objective is proved optimal. */
    exact: z.boolean(),
    objective: z.number(),
    /** Proven bound on the optimum (upper when maximising, lower when minimising); null if none. */
    bound: z.number().nullable(),
    /** |bound − objective| / |objective|; 0 when exact. */
    gap: z.number().min(0),
    /** Open facility ids, fixed ones included. */
    selected: z.array(z.string()),
    fixed: z.array(z.string()),
    p: z.number().int().min(0).nullable(),
    radius: z.number().positive().nullable(),
    /** Demand-weighted percentage within the radius of an open site; null without a radius. */
    coverage_pct: z.number().min(0).max(100).nullable(),
    /** Demand-weighted mean cost to the nearest open site over the demand that reaches one (MCLP/LSCP from a bundle: the covered demand). */
    mean_distance: z.number().nullable().describe('Demand-weighted mean cost to the nearest open site, over the demand that reaches one: for MCLP and LSCP from a bundle, the covered demand (within the radius); null when none does.'),
    max_distance: z.number().nullable(),
    demand_points: z.number().int().min(0),
    facilities: z.number().int().min(0),
    rejected_rows: z.number().int().min(0).describe('Input rows not loaded: candidate and demand rows of a bundle, or rows of a --costs table.'),
    status: z.string(),
    notes: z.array(z.string()),
    seconds: z.number().min(0),
  })
  .strict();
export type OptimizeSummary = z.infer<typeof OptimizeSummary>;

export function summarise(r: OptimizeResult, problem: OptimizeProblem, rejectedRows = 0): OptimizeSummary {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    model: r.model,
    method: r.method,
    exact: r.exact,
    objective: r.objective,
    bound: finite(r.bound),
    gap: r.gap,
    selected: r.selectedIds,
    fixed: (problem.fixed ?? []).map((j) => problem.costs.facilityIds[j]),
    p: problem.p ?? null,
    radius: problem.radius ?? null,
    coverage_pct: r.coveragePct,
    mean_distance: finite(r.meanDistance),
    max_distance: finite(r.maxDistance),
    demand_points: problem.costs.n,
    facilities: problem.costs.m,
    rejected_rows: rejectedRows,
    status: r.status,
    notes: r.notes,
    seconds: r.seconds,
  };
}

/** `siteselect optimize --p FROM..TO --json`: one summary per p, the marginal gains and the knee. */
export const OptimizeCurveSummary = z
  .object({
    model: z.enum(MODEL_NAMES),
    /** Per p, ascending: the same fields as a single run, plus the gain over the previous p. */
    curve: z.array(OptimizeSummary.extend({ marginal_gain: z.number().nullable() }).strict()),
    /** The p at the knee of the curve (largest distance from the chord of its ends); null with fewer than 3 points. */
    knee_p: z.number().int().min(0).nullable(),
  })
  .strict();
export type OptimizeCurveSummary = z.infer<typeof OptimizeCurveSummary>;

export function summariseCurve(curve: ObjectiveCurve, problem: OptimizeProblem, rejectedRows = 0): OptimizeCurveSummary {
  return {
    model: problem.model,
    curve: curve.points.map((c) => ({ ...summarise(c.result, { ...problem, p: c.p }, rejectedRows), marginal_gain: c.marginalGain })),
    knee_p: curve.kneeP,
  };
}
