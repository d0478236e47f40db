/**
 * `siteselect notebook FILE [--out report.html] [--json] [-- ARGS]`: runs a notebook headless and
 * writes a self-contained HTML report with the same outputs the live page shows.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../../errors.ts';
import { writeFileAtomically } from '../../node/atomic-file.ts';
import { refuseClobbering } from '../../node/output-guard.ts';
import type { NotebookResult } from '../../notebook/run.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from '../command.ts';
import { parseCommandLine } from '../parse-options.ts';
import { USAGE } from '../usage/notebook.ts';

interface Parsed {
  file: string;
  out?: string;
  json: boolean;
  notebookArgs: string[];
}

function parse(args: string[]): Parsed {
  const { values, operand: file, passed } = parseCommandLine(args, { out: { type: 'string' }, json: { type: 'boolean', default: false } }, 'notebook', { operand: 'notebook', passThrough: true });
  if (file === undefined) throw new UsageError('name the notebook file to run, e.g. siteselect notebook notebooks/01-funnel.ts');
  return { file, json: values.json, notebookArgs: passed, ...(values.out !== undefined ? { out: values.out } : {}) };
}

function firstError(result: NotebookResult): { where: string; name: string; message: string } | undefined {
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

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const path = resolve(io.cwd, opts.file);
    if (!existsSync(path)) throw new UsageError(`notebook file ${opts.file} does not exist`);
    const out = resolve(io.cwd, opts.out ?? basename(path).replace(/\.[cm]?[jt]s$/, '') + '.html');
    // The notebook's own arguments that name files (a manifest, a scenario) are inputs too.
    const argFiles = opts.notebookArgs.map((a) => resolve(io.cwd, a)).filter((f) => existsSync(f)).map((file) => ({ label: 'a notebook argument', file }));
    await refuseClobbering([{ label: 'the notebook', file: path }, ...argFiles], [{ label: '--out', file: out }]);
    // The compiler (TypeScript) and the renderer load only for a run, not for --help.
    const [{ runNotebookFile }, { renderReport }] = await Promise.all([import('../../notebook/run-file.node.ts'), import('../../notebook/render-html.ts')]);
    const result = await runNotebookFile(path, { args: opts.notebookArgs, cwd: io.cwd });
    await writeFileAtomically(out, renderReport(result, { title: basename(path) }));
    const error = firstError(result);
    const code = !error ? EXIT_OK : error.name === 'BundleError' || error.name === 'UsageError' ? EXIT_USAGE : EXIT_FAILURE;
    const ran = result.cells.filter((c) => c.cell.kind === 'code' && c.status !== 'not-run').length;
    const total = result.cells.filter((c) => c.cell.kind === 'code').length;
    if (opts.json) {
      io.stdout(JSON.stringify({ file: opts.file, report: out, ok: result.ok, cellsRun: ran, codeCells: total, ms: Math.round(result.ms), error: error ?? null }) + '\n');
    }
    if (error) io.stderr(`siteselect notebook: ${opts.file} ${error.where}: ${error.name}: ${error.message}\n`);
    io.stderr(`${opts.file}: ${ran} of ${total} code cells ran in ${(result.ms / 1000).toFixed(1)} s → ${out}\n`);
    return code;
  },
};
