/** `siteselect optimize` through the dispatcher, in-process, with its output captured. */
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
/** The SF table's column names (spopt's naming). */
export const SF_COLS = ['--origin-col', 'DestinationName', '--destination-col', 'name', '--cost-col', 'distance', '--weight-col', 'demand'];

export async function runOptimize(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['optimize', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: REPO });
  return { code, out, err };
}
