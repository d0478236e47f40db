/**
 * Runs a notebook file headless in Node. The compiled module is written to a scratch file inside
 * the project (so bare imports such as '@observablehq/plot' resolve from its node_modules),
 * with relative imports rewritten to absolute file URLs so they still mean what the notebook says.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileNotebook } from './compile.ts';
import { nodeHost } from './host.node.ts';
import { runCompiled, type NotebookResult } from './run.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRATCH = resolve(PROJECT_ROOT, 'node_modules', '.cache', 'siteselect-notebooks');
const CONTEXT_URL = new URL('./context.ts', import.meta.url).href;

let counter = 0;

export interface RunFileOptions {
  args?: readonly string[];
  /** Where relative bundle paths are resolved; defaults to the process's directory. */
  cwd?: string;
}

export async function runNotebookFile(file: string, options: RunFileOptions = {}): Promise<NotebookResult> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  const source = await readFile(path, 'utf8');
  const compiled = compileNotebook(path, source, {
    runtimeSpecifier: CONTEXT_URL,
    resolveSpecifier: (spec) => (spec.startsWith('./') || spec.startsWith('../') ? pathToFileURL(resolve(dirname(path), spec)).href : undefined),
  });
  await mkdir(SCRATCH, { recursive: true });
  const scratch = resolve(SCRATCH, `${basename(path).replace(/\.\w+$/, '')}-${process.pid}-${++counter}.mjs`);
  const url = pathToFileURL(scratch).href;
  await writeFile(scratch, compiled.code);
  try {
    const host = nodeHost({ args: options.args ?? [], cwd: options.cwd ?? process.cwd() });
    return await runCompiled(compiled, host, () => import(url), url);
  } finally {
    await rm(scratch, { force: true });
  }
}
