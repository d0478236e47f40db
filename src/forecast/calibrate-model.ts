/**
 * Calibrating the Huff/MCI model on arrays (the door the bundle door calls): checks that the data
 * can identify every parameter, fits by Poisson quasi-likelihood (poisson-fit.ts), and reports
 * estimates with standard errors and 95 % intervals, R², MAPE, K-fold CV MAPE and the baseline's.
 */
import { UsageError } from '../errors.ts';
import { baselineCvMape, fitLine } from './baseline.ts';
import { CALIBRATION_VERSION, type Calibration } from './calibration.ts';
import { evaluateFlows } from './flows-pass.ts';
import { flowObservations, flowTotals, type OriginFlows } from './origin-flows.ts';
import { clusteredCovariance, countUsed, covarianceOf, mape, rSquared } from './fit-statistics.ts';
import { FitError } from './fit-error.ts';
import { assignFolds } from './folds.ts';
import { evaluateHuff } from './huff-pass.ts';
import { prepareHuff, type ForecastPoints } from './huff-data.ts';
import { layoutOf, parameterNames, parametersOf, type DecayForm, type ModelShape } from './model.ts';
import { outletPairs } from './outlet-pairs.ts';
import { fitPoisson, normalEquations, type MeanModel, type PoissonFit } from './poisson-fit.ts';
import { cholesky, choleskySolve } from './small-matrix.ts';
import { tQuantile } from './t-quantile.ts';

/** Default side of the demand cells a calibration groups demand into, metres. */
export const DEMAND_CELL_METRES = 100;

export interface CalibrationOptions {
  /** Own outlets' observed totals; NaN (or negative) leaves an outlet out of the fit, not out of the market. */
  observed?: Float64Array;
  /**
   * Customers by origin and outlet: fitted by the flows likelihood (origin-flows.ts) instead of the
   * totals; `observed` is then their per-outlet sums. Demand is grouped only when `demandCellMetres`
   * says so (origins in one cell add up): flows pin β down several times as tightly as totals,
   * so grouping's small shift is a larger share of the standard error (bench/README.md).
   */
  flows?: OriginFlows;
  ids: string[];
  observedName: string;
  demandColumn: string;
  decay?: DecayForm;
  /** Fit α (default: when no attributes are named). */
  fitAlpha?: boolean;
  /** α when not fitted, and the start otherwise [1]. */
  alpha?: number;
  /** Starting β [2] (power decay). */
  beta?: number;
  cutoff: number;
  floor: number;
  folds?: number;
  /** Radius of the baseline's "demand within" [1000 m]. */
  baselineRadius?: number;
  /** Side of the cells demand is grouped into before the fit [100 m; with flows 0]; 0 fits every point (demand-cells.ts). */
  demandCellMetres?: number;
  maxIterations?: number;
  seed?: number;
  signal?: AbortSignal;
}

export function calibrateModel(points: ForecastPoints, options: CalibrationOptions): Calibration {
  const attributes = Object.keys(points.attributes);
  const shape: ModelShape = {
    decay: options.decay ?? 'power',
    fitAlpha: options.fitAlpha ?? attributes.length === 0,
    alpha: options.alpha ?? 1,
    attributes,
    cutoff: options.cutoff,
    floor: options.floor,
  };
  const warnings: string[] = [];
  const m = points.own.lon.length;
  const { flows } = options;
  const observed = flows ? flowTotals(flows, m) : options.observed;
  if (!observed) throw new UsageError('nothing to calibrate on: give the own outlets\' observed totals or the customer flows by origin');
  const { use, means } = usableOutlets(points, observed, options, shape, warnings);
  checkIdentifiable(points, shape, use, options.observedName);
  const cellMetres = options.demandCellMetres ?? (flows ? 0 : DEMAND_CELL_METRES);
  const prepared = prepareHuff(points, shape, means, { cellMetres, signal: options.signal });
  const totals: MeanModel = (theta, withJacobian) => evaluateHuff(shape, prepared.data, theta, withJacobian);
  const pairs = flows ? flowObservations(prepared, flows, m) : undefined;
  if (pairs && pairs.outsideRows > 0) warnings.push(`${pairs.outsideRows} flow row${pairs.outsideRows > 1 ? 's' : ''} (${pairs.outside.toLocaleString('en')} customers, ${(100 * pairs.outside / (pairs.outside + pairs.within.reduce((a, b) => a + b, 0))).toFixed(1)} %) come from beyond the cut-off (${shape.cutoff} m) or from origins with no demand weight: left out of the fit`);
  const y = pairs ? pairs.within : observed.map((v) => (v >= 0 ? v : 0));
  const likelihood: Likelihood = pairs
    ? { model: (theta, withJacobian) => evaluateFlows(shape, prepared.data, theta, withJacobian), y: pairs.y, use: Uint8Array.from(pairs.outletOf, (j) => use[j]), outletOf: pairs.outletOf }
    : { model: totals, y, use, outletOf: Int32Array.from(y, (_, j) => j) };

  const start = startingPoint(shape, options, totals, y, use);
  const fit = fitPoisson(likelihood.model, likelihood.y, likelihood.use, start, { maxIterations: options.maxIterations, signal: options.signal });
  if (!fit.converged) throw new FitError(`the calibration did not converge: ${fit.why}`);
  const fitted = pairs ? totals(fit.theta, false).mean : fit.mean;
  const { p } = layoutOf(shape);
  const names = parameterNames(shape);
  const { matrix, dispersion } = pairs
    ? clusteredCovariance(likelihood.y, fit.mean, fit.jacobian, likelihood.use, likelihood.outletOf, m, p)
    : covarianceOf(y, fit.mean, fit.jacobian, use, p);
  if (!matrix) throw new FitError('the calibration converged but its information matrix is singular: some parameter is not determined by these outlets (collinear attributes, or an attribute that only one outlet varies)');
  const n = countUsed(use);
  const t = tQuantile(0.975, n - p);
  const { se, intervals } = reportedUncertainty(fit.theta, matrix, t, names);
  const values = parametersOf(shape, fit.theta);
  if (values.beta !== undefined && values.beta < 0) warnings.push(`β = ${values.beta.toFixed(3)} < 0: farther outlets draw more, the data show no distance decay within the cut-off`);
  if (shape.fitAlpha && values.alpha < 0) warnings.push(`α = ${values.alpha.toFixed(3)} < 0: more attractive outlets draw less; check the attractiveness column`);

  const folds = Math.min(options.folds ?? 5, n);
  const fold = assignFolds(use, folds, options.seed ?? 1);
  const cvMape = crossValidatedMape(likelihood, fit, totals, y, fold, folds, warnings);
  const demandNear = demandWithin(prepared, points, options.baselineRadius ?? 1000);
  const line = fitLine(demandNear, y, use);

  return {
    version: CALIBRATION_VERSION,
    model: 'huff-mci',
    observed: options.observedName,
    demandColumn: options.demandColumn,
    decay: shape.decay,
    fitAlpha: shape.fitAlpha,
    cutoff: shape.cutoff,
    floor: shape.floor,
    n,
    scale: values.scale,
    alpha: values.alpha,
    ...(values.beta !== undefined ? { beta: values.beta } : {}),
    ...(values.lambda !== undefined ? { lambda: values.lambda } : {}),
    coefficients: values.gamma,
    attributeMeans: means,
    se,
    intervals,
    parameterNames: names,
    theta: Array.from(fit.theta),
    covariance: Array.from(matrix),
    dispersion,
    residual_cv: relativeSpread(y, fitted, use, p),
    r2: rSquared(y, fitted, use),
    mape: mape(y, fitted, use),
    cv_mape: cvMape,
    folds,
    baseline_cv_mape: baselineCvMape(demandNear, y, fold, folds),
    baseline: { radius: options.baselineRadius ?? 1000, intercept: line.intercept, slope: line.slope },
    iterations: fit.iterations,
    demandCells: { metres: cellMetres, cells: prepared.data.weight.length },
    likelihood: pairs ? 'flows' : 'totals',
    outlets: options.ids.flatMap((id, j) => (use[j] ? [{ id, observed: y[j], fitted: fitted[j] }] : [])),
    warnings,
  };
}

/** What the fit maximises: Poisson observations (own outlets' totals, or own pairs' customers) and the outlet of each. */
interface Likelihood {
  model: MeanModel;
  y: Float64Array;
  use: Uint8Array;
  outletOf: Int32Array;
}

/** Outlets whose observed value and attributes can enter the fit, and each attribute's geometric mean over them. */
function usableOutlets(points: ForecastPoints, observed: Float64Array, options: CalibrationOptions, shape: ModelShape, warnings: string[]): { use: Uint8Array; means: Record<string, number> } {
  const m = points.own.lon.length;
  const use = new Uint8Array(m);
  const left: string[] = [];
  for (let j = 0; j < m; j++) {
    const v = observed[j];
    const bad = !(v >= 0 && Number.isFinite(v)) ? `${options.observedName} missing or negative`
      : !(points.own.weight[j] > 0) ? 'attractiveness not positive'
      : shape.attributes.find((a) => !(points.attributes[a][j] > 0 && Number.isFinite(points.attributes[a][j])));
    if (bad === undefined) use[j] = 1;
    else left.push(`${options.ids[j]} (${bad.includes(' ') ? bad : `${bad} missing or not positive`})`);
  }
  if (left.length > 0) warnings.push(`${left.length} own outlet${left.length > 1 ? 's' : ''} left out of the fit (they still compete): ${left.slice(0, 10).join(', ')}${left.length > 10 ? ' …' : ''}`);
  const means: Record<string, number> = {};
  for (const name of shape.attributes) {
    let sum = 0;
    for (let j = 0; j < m; j++) if (use[j]) sum += Math.log(points.attributes[name][j]);
    means[name] = Math.exp(sum / Math.max(countUsed(use), 1));
  }
  return { use, means };
}

/** Refuses, with the reason, data that cannot determine every parameter. */
function checkIdentifiable(points: ForecastPoints, shape: ModelShape, use: Uint8Array, observedName: string): void {
  for (const name of shape.attributes) {
    if (!variesOver(points.attributes[name], use)) throw new UsageError(`attribute "${name}" has the same value at every fitted outlet, so its exponent γ cannot be identified; leave it out of --attributes`);
  }
  if (shape.fitAlpha) {
    const logA = [...Array.from(points.own.weight).filter((_, j) => use[j]), ...Array.from(points.competitors.weight).filter((a) => a > 0)];
    if (logA.every((a) => a === logA[0])) throw new UsageError('α cannot be identified: every own outlet and competitor has the same attractiveness; name own-network attributes (--attributes) or give the layers an attractiveness column');
  }
  const n = countUsed(use);
  const names = parameterNames(shape);
  if (n <= names.length) {
    throw new UsageError(`${n} own outlet${n === 1 ? '' : 's'} with a usable "${observedName}" cannot identify ${names.length} parameters (${names.join(', ')}): give at least ${names.length + 1} outlets, or fewer attributes`);
  }
}

function variesOver(column: Float64Array, use: Uint8Array): boolean {
  let first = NaN;
  for (let j = 0; j < column.length; j++) {
    if (!use[j]) continue;
    if (Number.isNaN(first)) first = column[j];
    else if (Math.abs(column[j] - first) > 1e-12 * Math.abs(first)) return true;
  }
  return false;
}

/** α = 1 (or given), γ = 0, β = 2 (or given) or λ = cut-off/4, and the scale that matches the observed sum. */
function startingPoint(shape: ModelShape, options: CalibrationOptions, model: MeanModel, y: Float64Array, use: Uint8Array): Float64Array {
  const at = layoutOf(shape);
  const theta = new Float64Array(at.p);
  if (at.alpha >= 0) theta[at.alpha] = options.alpha ?? 1;
  theta[at.decay] = shape.decay === 'power' ? options.beta ?? 2 : Math.log(shape.cutoff / 4);
  const { mean } = model(theta, false);
  let observed = 0, predicted = 0;
  for (let j = 0; j < y.length; j++) if (use[j]) { observed += y[j]; predicted += mean[j]; }
  if (!(predicted > 0)) throw new UsageError(`no demand lies within the cut-off (${shape.cutoff} m) of the fitted outlets: check the demand layer and the cut-off`);
  if (!(observed > 0)) throw new UsageError('every fitted outlet observes 0: there is nothing to calibrate the scale on');
  theta[0] = Math.log(observed / predicted);
  return theta;
}

/** Standard errors and intervals in reported units: s and λ by the delta method on their logs. */
function reportedUncertainty(theta: Float64Array, covariance: Float64Array, t: number, names: string[]) {
  const p = names.length;
  const se: Record<string, number> = {};
  const intervals: Record<string, [number, number]> = {};
  names.forEach((name, a) => {
    const sd = Math.sqrt(Math.max(covariance[a * p + a], 0));
    const lo = theta[a] - t * sd, hi = theta[a] + t * sd;
    if (name === 'log_scale' || name === 'log_lambda') {
      const reported = name === 'log_scale' ? 'scale' : 'lambda';
      se[reported] = Math.exp(theta[a]) * sd;
      intervals[reported] = [Math.exp(lo), Math.exp(hi)];
    } else {
      se[name] = sd;
      intervals[name] = [lo, hi];
    }
  });
  return { se, intervals };
}

/**
 * K-fold CV MAPE. Each fold's refit is one Gauss–Newton step from the full fit on the other folds'
 * outlets (the full fit's derivatives, no new pass), then one pass for the held-out predictions: near
 * the optimum the deviance is close to quadratic, so the step lands where a refit would
 * (test/forecast/demand-cells.test.ts compares with full refits) at a fifth of the passes.
 */
function crossValidatedMape(likelihood: Likelihood, fit: PoissonFit, totals: MeanModel, y: Float64Array, fold: Int32Array, folds: number, warnings: string[]): number {
  const p = fit.theta.length;
  const predicted = new Float64Array(y.length);
  for (let f = 0; f < folds; f++) {
    const training = Uint8Array.from(likelihood.use, (u, t) => (u && fold[likelihood.outletOf[t]] !== f ? 1 : 0));
    const { info, score } = normalEquations(likelihood.y, fit.mean, fit.jacobian, training, p);
    const factor = cholesky(info, p);
    if (!factor) warnings.push(`cross-validation fold ${f + 1} of ${folds}: the other folds cannot determine every parameter; its predictions use the full fit`);
    const step = factor ? choleskySolve(factor, p, score) : new Float64Array(p);
    const { mean } = totals(fit.theta.map((t, a) => t + step[a]), false);
    for (let j = 0; j < y.length; j++) if (fold[j] === f) predicted[j] = mean[j];
  }
  return mape(y, predicted, Uint8Array.from(fold, (f) => (f >= 0 ? 1 : 0)));
}

/** The baseline's x: demand weight within `radius` of each own outlet. */
function demandWithin(prepared: ReturnType<typeof prepareHuff>, points: ForecastPoints, radius: number): Float64Array {
  const pairs = outletPairs(prepared.grid, points.own, radius, 1, 'exponential');
  const x = new Float64Array(points.own.lon.length);
  for (let k = 0; k + 1 < pairs.start.length; k++) {
    for (let t = pairs.start[k]; t < pairs.start[k + 1]; t++) x[pairs.outlet[t]] += prepared.data.weight[k];
  }
  return x;
}

/** √(Σ ((y − μ)/μ)² / (n − p)): how far an outlet strays from the model, as a fraction of its mean. */
function relativeSpread(y: Float64Array, mean: Float64Array, use: Uint8Array, p: number): number {
  let sum = 0, n = 0;
  for (let j = 0; j < y.length; j++) {
    if (!use[j] || !(mean[j] > 0)) continue;
    sum += ((y[j] - mean[j]) / mean[j]) ** 2;
    n++;
  }
  return Math.sqrt(sum / Math.max(n - p, 1));
}
