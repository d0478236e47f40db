/**
 * Vitest global setup: a run that includes browser tests (files using test/helpers/browser.ts)
 * on a machine without Chromium stops at once with one sentence naming the fix, instead of
 * every browser test file failing with its own launch error.
 */
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_MISSING, chromiumInstalled } from './browser.ts';

/** The file filters given on the command line (`vitest run test/db …`); none means every file. */
function commandLineFilters(): string[] {
  const args = process.argv.slice(2);
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'run' || a === 'watch' || a === 'related') continue;
    if (a.startsWith('-')) {
      if (!a.includes('=') && i + 1 < args.length && !args[i + 1].startsWith('-') && /^--(reporter|outputFile|project|config|root|dir|pool|maxWorkers|testNamePattern|t)$/.test(a)) i++;
      continue;
    }
    filters.push(a);
  }
  return filters;
}

export default async function setup(project: TestProject): Promise<void> {
  if (chromiumInstalled()) return;
  const { testFiles } = await project.globTestFiles(commandLineFilters());
  const browserFiles = testFiles.filter((f) => readFileSync(f, 'utf8').includes('helpers/browser.ts'));
  if (browserFiles.length > 0) throw new Error(`${CHROMIUM_MISSING} (browser test files in this run: ${browserFiles.length})`);
}
