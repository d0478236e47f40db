/**
 * Runs a notebook file headless in Node. The compiled module is written to a hidden scratch file
 * beside the notebook (so its imports, relative and bare, resolve exactly as the notebook's own)
 * and removed after the run. Where the notebook's folder is read-only the scratch file goes to the
 * project's node_modules/.cache, with relative imports rewritten to absolute file URLs. An
 * interrupted run (Ctrl-C, SIGTERM, process.exit) removes it too.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { track, untrack } from '../node/atomic-file.ts';
import { compileNotebook } from './compile.ts';
import { nodeHost } from './host.node.ts';
import { runCompiled, type NotebookResult } from './run.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRATCH = resolve(PROJECT_ROOT, 'node_modules', '.cache', 'siteselect-notebooks');
// context.ts beside this file in the sources, context.js in the compiled package.
const CONTEXT_URL = new URL(import.meta.url.endsWith('.ts') ? './context.ts' : './context.js', import.meta.url).href;

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
  const scratch = await writeScratch(path, compiled.code);
  const url = pathToFileURL(scratch).href;
  try {
    const host = nodeHost({ args: options.args ?? [], cwd: options.cwd ?? process.cwd() });
    return await runCompiled(compiled, host, () => import(url), url);
  } finally {
    await rm(scratch, { force: true });
    untrack(scratch);
  }
}

async function writeScratch(notebook: string, code: string): Promise<string> {
  const name = `.${basename(notebook)}.${process.pid}-${++counter}.run.mjs`;
  const beside = resolve(dirname(notebook), name);
  try {
    track(beside);
    await writeFile(beside, code, { flag: 'wx' });
    return beside;
  } catch {
    await mkdir(SCRATCH, { recursive: true });
    untrack(beside);
    const cached = resolve(SCRATCH, name.slice(1));
    track(cached);
    await writeFile(cached, code);
    return cached;
  }
}
