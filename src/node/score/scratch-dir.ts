/**
 * A scratch folder in the temporary folder for one run (DuckDB's tables and spill), removed when the
 * run ends — also when it is interrupted (Ctrl-C, SIGTERM), since a long run's files can be gigabytes.
 * Interrupted, the process exits 130 (SIGINT) or 143 (SIGTERM) after removing it (atomic-file.ts's
 * one clean-up on exit). Node only.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { track, untrack } from '../atomic-file.ts';

export async function withScratchDir<T>(prefix: string, run: (dir: string) => Promise<T>): Promise<T> {
  // Created and tracked in one synchronous step: a Ctrl-C is handled between event-loop turns, so
  // it cannot fall between the folder appearing and its clean-up being armed (it did under load).
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  track(dir);
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    untrack(dir);
  }
}
