/**
 * The naive baseline a calibration must beat: each outlet's total as a straight line in the demand
 * within a radius of it, y = a + b·x, fitted by least squares and cross-validated on the same folds.
 */
import { trainingMask } from './folds.ts';
import { mape } from './fit-statistics.ts';

export interface BaselineFit {
  intercept: number;
  slope: number;
}

export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>, use: Uint8Array): BaselineFit {
  let n = 0, sx = 0, sy = 0;
  for (let j = 0; j < y.length; j++) if (use[j]) { n++; sx += x[j]; sy += y[j]; }
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0;
  for (let j = 0; j < y.length; j++) if (use[j]) { sxy += (x[j] - mx) * (y[j] - my); sxx += (x[j] - mx) ** 2; }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: my - slope * mx, slope };
}

/** K-fold cross-validated MAPE (percent) of the line. */
export function baselineCvMape(x: ArrayLike<number>, y: Float64Array, fold: Int32Array, folds: number): number {
  const predicted = new Float64Array(y.length);
  for (let f = 0; f < folds; f++) {
    const line = fitLine(x, y, trainingMask(fold, f));
    for (let j = 0; j < y.length; j++) if (fold[j] === f) predicted[j] = line.intercept + line.slope * x[j];
  }
  return mape(y, predicted, Uint8Array.from(fold, (f) => (f >= 0 ? 1 : 0)));
}
