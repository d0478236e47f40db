/**
 * `siteselect calibrate`'s work: the bundle, its scenario (the named one, else scenario.json beside
 * bundle.json, else the defaults) and the customer flows read, the Huff/MCI model fitted
 * (src/forecast) and the calibration written atomically. A FitError passes through. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import type { Calibration } from '../forecast/calibration.ts';
import { calibrate, type CalibrateOptions } from '../forecast/from-bundle.ts';
import { readCsv } from '../io/read-csv.ts';
import { parseScenario, Scenario } from '../scenario/scenario.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { refuseOverwritingInputs } from './output-guard.ts';
import { readJsonFile } from './read-json-file.ts';

export interface CalibrateRequest {
  /** The bundle folder, the scenario, the flows CSV and the output, as given. */
  bundle: string;
  scenario?: string;
  flows?: string;
  out?: string;
  options: Omit<CalibrateOptions, 'flows'>;
}

const DEFAULT_SCENARIO = { version: 1, name: 'default', criteria: [{ id: 'demand', kind: 'demand' }] };

export async function calibrateBundle(request: CalibrateRequest, cwd: string): Promise<Calibration> {
  const bundleDir = path.resolve(cwd, request.bundle);
  // As score does: the bundle's scenario.json when no --scenario is named, else the defaults.
  const beside = path.join(bundleDir, 'scenario.json');
  const scenarioFile = request.scenario !== undefined ? path.resolve(cwd, request.scenario) : (await stat(beside).then((s) => s.isFile(), () => false)) ? beside : undefined;
  const out = request.out === undefined ? undefined : path.resolve(cwd, request.out);
  const flowsFile = request.flows === undefined ? undefined : path.resolve(cwd, request.flows);
  await refuseOverwritingInputs({ bundle: { dir: bundleDir, manifestPath: 'bundle.json' }, inputs: { 'the scenario': scenarioFile, 'the --flows file': flowsFile }, outputs: { '--out': out } });
  const scenario = scenarioFile ? parseScenario(await readJsonFile(scenarioFile), scenarioFile) : Scenario.parse(DEFAULT_SCENARIO);
  const bundle = await loadBundleDir(bundleDir);
  const flowsBytes = flowsFile && (await readFile(flowsFile).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`--flows ${request.flows}: cannot read it (${err.code ?? err.message}); give the path of a CSV with the columns origin, outlet, count`);
  }));
  const calibration = calibrate(bundle, scenario, { ...request.options, flows: flowsBytes ? readCsv(request.flows!, flowsBytes) : undefined });
  if (out) await writeFileAtomically(out, JSON.stringify(calibration, null, 2) + '\n');
  return calibration;
}
