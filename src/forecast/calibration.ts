/**
 * A calibration as saved (`calibration.json`) and read back by `score --calibration` and the API:
 * the model's shape, the fitted θ with its covariance, and the fit's figures. Declared once: type,
 * validation and (scripts/gen-schemas.ts) the JSON Schema.
 */
import { z } from 'zod';
import { BundleError } from '../errors.ts';

export const CALIBRATION_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const OutletFit = z.object({ id: z.string(), observed: z.number(), fitted: z.number() }).strict();

export const Calibration = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(CALIBRATION_VERSION),
    model: z.literal('huff-mci'),
    /** The own network's column that was fitted (sales, deposits …) — the unit of every forecast. */
    observed: z.string().min(1),
    /** Demand weight column the model spreads. */
    demandColumn: z.string().min(1),
    decay: z.enum(['power', 'exponential']),
    fitAlpha: z.boolean(),
    cutoff: finite,
    floor: finite,
    /** Outlets used in the fit. */
    n: z.number().int().positive(),
    scale: finite,
    alpha: finite,
    beta: finite.optional(),
    lambda: finite.optional(),
    /** γ per attribute. */
    coefficients: z.record(z.string(), finite),
    /** Geometric mean of each attribute over the fitted outlets (x is used as x/ḡ). */
    attributeMeans: z.record(z.string(), finite),
    /** Standard errors and 95 % intervals of scale, alpha (when fitted), each γ_attr, beta or lambda. */
    se: z.record(z.string(), z.number()),
    intervals: z.record(z.string(), z.tuple([z.number(), z.number()])),
    parameterNames: z.array(z.string()),
    theta: z.array(finite),
    /** p × p row-major covariance of θ. */
    covariance: z.array(z.number()),
    /** Pearson dispersion: a total's variance is dispersion × its mean. */
    dispersion: z.number(),
    /** An outlet's relative spread around the model, √(Σ((y − ŷ)/ŷ)²/(n − p)): the noise part of a forecast's interval. */
    residual_cv: z.number(),
    r2: z.number(),
    mape: z.number(),
    cv_mape: z.number(),
    folds: z.number().int().positive(),
    baseline_cv_mape: z.number(),
    baseline: z.object({ radius: z.number(), intercept: z.number(), slope: z.number() }).strict(),
    iterations: z.number().int(),
    /** Demand grouped into cells of `metres` (0: every point) for the fit: `cells` points entered it. */
    /** What was fitted: the own outlets' totals, or customers by origin and outlet (flows). */
    likelihood: z.enum(['totals', 'flows']).optional(),
    demandCells: z.object({ metres: z.number(), cells: z.number().int() }).strict().optional(),
    outlets: z.array(OutletFit),
    warnings: z.array(z.string()),
  })
  .strict();
export type Calibration = z.infer<typeof Calibration>;

/** Validates a calibration file's JSON; throws BundleError naming the file and the first bad path. */
export function parseCalibration(json: unknown, file = 'calibration.json'): Calibration {
  const result = Calibration.safeParse(json);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new BundleError(file, `${file}: ${first.path.map(String).join('.') || '(root)'}: ${first.message}; run \`siteselect calibrate\` again to write a fresh calibration.`, { cause: result.error });
}
