/**
 * `siteselect notebook`'s work: a notebook run headless and written as a self-contained HTML
 * report with the outputs the live page shows, and the first error it met. The compiler
 * (TypeScript) and the renderer load only for a run. Node only.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import type { NotebookResult } from '../notebook/run.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { refuseOverwritingInputs } from './output-guard.ts';

export interface NotebookError {
  /** 'before the first cell', or the line and cell. */
  where: string;
  name: string;
  message: string;
}

function firstError(result: NotebookResult): NotebookError | undefined {
  if (result.error) return { where: 'before the first cell', name: result.error.name, message: result.error.message };
  for (const c of result.cells) {
    const e = c.outputs.find((o) => o.kind === 'error');
    if (e && e.kind === 'error') {
      const line = e.line !== undefined ? `line ${e.line}, ` : '';
      return { where: `${line}cell ${c.cell.index + 1}${c.cell.title ? ` "${c.cell.title}"` : ''}`, name: e.name, message: e.message };
    }
  }
  return undefined;
}

/** Runs `file` with `args` and writes the report to `out` (default: the notebook's name .html beside the working folder). */
export async function writeNotebookReport(file: string, args: string[], cwd: string, out?: string): Promise<{ out: string; result: NotebookResult; error?: NotebookError }> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`notebook file ${file} does not exist`);
  const report = resolve(cwd, out ?? basename(path).replace(/\.[cm]?[jt]s$/, '') + '.html');
  // The notebook's own arguments that name files (a manifest, a scenario) are inputs too.
  const argFiles = args.map((a, i) => [`notebook argument ${i + 1}`, resolve(cwd, a)]).filter(([, f]) => existsSync(f));
  await refuseOverwritingInputs({ inputs: { 'the notebook': path, ...Object.fromEntries(argFiles) }, outputs: { '--out': report } });
  const [{ runNotebookFile }, { renderReport }] = await Promise.all([import('../notebook/run-file.node.ts'), import('../notebook/render-html.ts')]);
  const result = await runNotebookFile(path, { args, cwd });
  await writeFileAtomically(report, renderReport(result, { title: basename(path) }));
  const error = firstError(result);
  return { out: report, result, ...(error ? { error } : {}) };
}
