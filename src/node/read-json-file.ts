/** Reads a JSON file a command was given (scenario, calibration): unreadable or bad JSON is a BundleError naming the file. Node only. */
import { readFile } from 'node:fs/promises';
import { BundleError } from '../errors.ts';

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new BundleError(file, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the path`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BundleError(file, `${file} is not valid JSON (${(err as Error).message}); fix the syntax`, { cause: err });
  }
}
