/** Runs `siteselect score` in process (main() with captured output) and reads its CSV outputs. */
import { readFileSync } from 'node:fs';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { readCsvText } from '../../src/io/read-csv.ts';

export interface ScoreRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** One kernel thread unless asked otherwise: worker start-up would dominate small runs. */
export async function runScore(cwd: string, ...given: string[]): Promise<ScoreRun> {
  const argv = given.includes('--threads') ? given : [...given, '--threads', '1'];
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd };
  const code = await main(['score', ...argv], io);
  return { code, stdout, stderr };
}

export function readCsvRows(file: string): Record<string, string>[] {
  const t = readCsvText(file, readFileSync(file, 'utf8'));
  return Array.from({ length: t.rowCount }, (_, r) => Object.fromEntries(t.columns.map((c) => [c, String(t.values[c][r] ?? '')])));
}
