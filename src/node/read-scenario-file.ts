/** The scenario a command was given, or the bundle's scenario.json: missing, unreadable or invalid is a BundleError naming it. Node only. */
import { stat } from 'node:fs/promises';
import { BundleError } from '../errors.ts';
import { parseScenario, type Scenario } from '../scenario/scenario.ts';
import { readJsonFile } from './read-json-file.ts';

export async function readScenarioFile(file: string): Promise<Scenario> {
  if (!(await stat(file).then((s) => s.isFile(), () => false))) {
    throw new BundleError(file, `${file} was not found; pass --scenario FILE or put a scenario.json beside bundle.json.`);
  }
  return parseScenario(await readJsonFile(file), file);
}
