/**
 * `siteselect score`'s run: where it writes (refused when that is one of its inputs), the bundle,
 * scenario, calibration and sites read, the kernel threads, then the one scoring path
 * (src/node/score/score-run.ts). Node only.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { LoadedBundle } from '../data/layer.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { candidateSites, locateInputs, readBundleAndScenario, type CommandInputs } from './command-inputs.ts';
import { createNodeKernel } from './kernel-pool.ts';
import { refuseOverwritingInputs } from './output-guard.ts';
import { readCalibration } from './score/forecast-out-columns.ts';
import { scoreRun, type ScoreOutcome, type ScoreRunOptions } from './score/score-run.ts';
import { rejectsPath } from './score/write-rejects.ts';
import { formatOf, type TableFormat } from './score/write-table.ts';

export interface BatchScoreRequest extends CommandInputs {
  /** The ranked sites [scores.<format>]; the rejects go beside them as .rejects.csv unless `rejects` says where. */
  out?: string;
  /** Overrides the `out` extension. */
  format?: TableFormat;
  rejects?: string;
  /** A calibration file (siteselect calibrate --out) whose forecasts are added as columns. */
  calibration?: string;
  /** Kernel threads, the calling thread included [all cores]; 1 = no worker threads. */
  threads?: number;
  run: ScoreRunOptions;
}

export interface BatchScore {
  outcome: ScoreOutcome;
  bundle: LoadedBundle;
  scenario: Scenario;
  out: string;
  rejects: string;
  format: TableFormat;
}

export async function batchScore(request: BatchScoreRequest, cwd: string, bar: (label: string, fraction: number) => void): Promise<BatchScore> {
  const out = path.resolve(cwd, request.out ?? `scores.${request.format ?? 'csv'}`);
  const rejects = rejectsPath(request.rejects ? path.resolve(cwd, request.rejects) : out.replace(/(\.[^./\\]+)?$/, '.rejects.csv'));
  const format = request.format ?? formatOf(out);
  const calibrationFile = request.calibration === undefined ? undefined : path.resolve(cwd, request.calibration);
  const { dir, manifestPath, scenarioFile } = await locateInputs(request, cwd);
  await refuseOverwritingInputs({
    bundle: { dir, manifestPath },
    inputs: { 'the scenario': scenarioFile, 'the --candidates file': request.candidates && path.resolve(cwd, request.candidates), 'the --calibration file': calibrationFile },
    outputs: { '--out': out, '--rejects': rejects },
  });
  const base = await readBundleAndScenario(request, cwd, ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.3));
  const calibration = calibrationFile === undefined ? undefined : await readCalibration(calibrationFile);
  // --calibration also calibrates the forecast_net criterion
  const scenario = calibration ? { ...base.scenario, calibration } : base.scenario;
  // the sites, read once DuckDB is open; those outside the study area join the rejects (the funnel's rule)
  const sites = await candidateSites(request, cwd, base);
  const threads = request.threads ?? availableParallelism();
  const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
  const outcome = await scoreRun({ args: request.run, bundle: base.bundle, scenario, calibration, sites, kernel: pool ?? createKernel(), threads, out, rejects, format, bar })
    .finally(() => pool?.close());
  return { outcome, bundle: base.bundle, scenario, out, rejects, format };
}
