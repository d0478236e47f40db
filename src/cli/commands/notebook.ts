/**
 * `siteselect notebook FILE [--out report.html] [--json] [-- ARGS]`: runs a notebook headless and
 * writes a self-contained HTML report with the same outputs the live page shows.
 */
import { UsageError } from '../../errors.ts';
import { writeNotebookReport } from '../../node/notebook-report.ts';
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

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const opts = parse(args);
    const { out, result, error } = await writeNotebookReport(opts.file, opts.notebookArgs, io.cwd, opts.out);
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
