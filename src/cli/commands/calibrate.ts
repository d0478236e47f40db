/**
 * `siteselect calibrate`: fits the Huff/MCI model to the own network's observed totals (or customer
 * flows by origin) and writes the calibration that `siteselect score --calibration` forecasts with.
 * Flags and output; the work is src/node/calibrate-bundle.ts.
 */
import { UsageError } from '../../errors.ts';
import type { Calibration } from '../../forecast/calibration.ts';
import { FitError } from '../../forecast/fit-error.ts';
import { calibrateBundle, type CalibrateRequest } from '../../node/calibrate-bundle.ts';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.ts';
import { printSummary } from '../output.ts';
import type { SPEC } from '../usage/calibrate.ts';

/** The summary of the interface: the headline figures. */
export function calibrationSummary(c: Calibration): Record<string, unknown> {
  return {
    model: c.model, observed: c.observed, n: c.n,
    ...(c.fitAlpha ? { alpha: c.alpha } : {}),
    ...(c.beta !== undefined ? { beta: c.beta } : {}),
    ...(c.lambda !== undefined ? { lambda: c.lambda } : {}),
    scale: c.scale, coefficients: c.coefficients, se: c.se, intervals: c.intervals,
    r2: c.r2, mape: c.mape, cv_mape: c.cv_mape, baseline_cv_mape: c.baseline_cv_mape, folds: c.folds, warnings: c.warnings,
  };
}

function fixed(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

function toText(c: Calibration): string[] {
  const rows = c.parameterNames.map((name) => (name === 'log_scale' ? 'scale' : name === 'log_lambda' ? 'lambda' : name)).map((name) => {
    const value = name === 'scale' ? c.scale : name === 'lambda' ? c.lambda! : name === 'alpha' ? c.alpha : name === 'beta' ? c.beta! : c.coefficients[name.slice('gamma_'.length)];
    const [lo, hi] = c.intervals[name];
    return `  ${name.padEnd(18)} ${value.toPrecision(5).padStart(12)}   se ${c.se[name].toPrecision(3).padStart(9)}   95 % [${lo.toPrecision(4)}, ${hi.toPrecision(4)}]`;
  });
  return [
    `Huff/MCI calibration of "${c.observed}" on ${c.n} own outlets (${c.decay} decay, cut-off ${c.cutoff} m)`,
    ...rows,
    `  R² ${fixed(c.r2)}   MAPE ${fixed(c.mape, 1)} %   ${c.folds}-fold CV MAPE ${fixed(c.cv_mape, 1)} %   baseline CV MAPE ${fixed(c.baseline_cv_mape, 1)} %`,
    ...c.warnings.map((w) => `  warning: ${w}`),
  ];
}

export const command: Command<typeof SPEC> = {
  async run({ bundle, values: v }, io) {
    if (v.flows !== undefined && v.observed !== undefined) throw new UsageError('--flows and --observed each name what to fit: give one of them');
    const options: CalibrateRequest['options'] = {
      observed: v.observed, attributes: v.attributes, decay: v.decay, demandColumn: v['demand-column'], folds: v.folds, demandCellMetres: v['demand-cell'],
    };
    let calibration: Calibration;
    try {
      calibration = await calibrateBundle({ bundle, scenario: v.scenario, flows: v.flows, out: v.out, options }, io.cwd);
    } catch (err) {
      if (!(err instanceof FitError)) throw err;
      io.stderr(`siteselect calibrate: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    printSummary(io, v.json, calibrationSummary(calibration), () => toText(calibration));
    return EXIT_OK;
  },
};
