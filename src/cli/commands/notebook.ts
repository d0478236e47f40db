/**
 * `siteselect notebook FILE [--out report.html] [--json] [-- ARGS]`: runs a notebook headless and
 * writes a self-contained HTML report with the same outputs the live page shows.
 */
import { UsageError } from '../../errors.ts';
import { writeNotebookReport } from '../../node/notebook-report.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type Command } from '../command.ts';
import type { SPEC } from '../usage/notebook.ts';

export const command: Command<typeof SPEC> = {
  async run({ values: v, operand: file, passed }, io) {
    if (file === undefined) throw new UsageError('name the notebook file to run, e.g. siteselect notebook notebooks/01-funnel.ts');
    const { out, result, error } = await writeNotebookReport(file, passed, io.cwd, v.out);
    const code = !error ? EXIT_OK : error.name === 'BundleError' || error.name === 'UsageError' ? EXIT_USAGE : EXIT_FAILURE;
    const ran = result.cells.filter((c) => c.cell.kind === 'code' && c.status !== 'not-run').length;
    const total = result.cells.filter((c) => c.cell.kind === 'code').length;
    if (v.json) io.stdout(JSON.stringify({ file, report: out, ok: result.ok, cellsRun: ran, codeCells: total, ms: Math.round(result.ms), error: error ?? null }) + '\n');
    if (error) io.stderr(`siteselect notebook: ${file} ${error.where}: ${error.name}: ${error.message}\n`);
    io.stderr(`${file}: ${ran} of ${total} code cells ran in ${(result.ms / 1000).toFixed(1)} s → ${out}\n`);
    return code;
  },
};
