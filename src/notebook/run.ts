/**
 * Runs a compiled notebook and gathers what each cell showed. The cells run in order in one module
 * scope (as the file reads); the first error stops the run like "Run All" in Jupyter: the cells
 * before it keep their outputs, the failing cell shows its outputs and the error with its line,
 * the cells after it are marked not run. Platform-neutral: the host imports the module.
 */
import type { CompiledNotebook } from './compile.ts';
import { finishRun, startRun, type NotebookHost } from './context.ts';
import { errorLocation } from './error-location.ts';
import type { ErrorOutput, Output } from './outputs.ts';
import { cellAtLine, type NotebookCell } from './parse-cells.ts';

export type CellStatus = 'ok' | 'error' | 'not-run';

export interface CellResult {
  cell: NotebookCell;
  status: CellStatus;
  outputs: Output[];
  ms: number;
}

export interface NotebookResult {
  file: string;
  source: string;
  cells: CellResult[];
  /** An error no cell can own (a failed import before the first cell ran). */
  error?: ErrorOutput;
  ok: boolean;
  ms: number;
}

/** `load` imports the compiled module from `moduleUrl` (the URL its stack frames will show). */
export async function runCompiled(nb: CompiledNotebook, host: NotebookHost, load: () => Promise<unknown>, moduleUrl: string): Promise<NotebookResult> {
  const t0 = performance.now();
  if (nb.diagnostics.length > 0) return compileFailure(nb, performance.now() - t0);
  startRun(host, nb.cells.length);
  let failure: { error: unknown } | undefined;
  try {
    await load();
  } catch (error) {
    failure = { error };
  }
  const state = finishRun();
  await state.database?.then((db) => db.close(), () => undefined);
  const failed = failure ? state.current : -1;
  const cells = nb.cells.map((cell): CellResult => {
    const ran = cell.kind === 'markdown' || state.entered.includes(cell.index);
    const status: CellStatus = cell.index === failed ? 'error' : ran ? 'ok' : 'not-run';
    return { cell, status, outputs: state.outputs[cell.index], ms: state.ms[cell.index] };
  });
  const result: NotebookResult = { file: nb.file, source: nb.source, cells, ok: !failure, ms: performance.now() - t0 };
  if (failure) {
    const out = errorOutput(failure.error, moduleUrl);
    if (failed >= 0) cells[failed].outputs.push(out);
    else result.error = out;
  }
  return result;
}

export function errorOutput(error: unknown, moduleUrl: string): ErrorOutput {
  const at = errorLocation(error, moduleUrl);
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return at ? { kind: 'error', name, message, line: at.line, column: at.column } : { kind: 'error', name, message };
}

function compileFailure(nb: CompiledNotebook, ms: number): NotebookResult {
  const cells: CellResult[] = nb.cells.map((cell) => ({ cell, status: cell.kind === 'markdown' ? 'ok' : 'not-run', outputs: [], ms: 0 }));
  let error: ErrorOutput | undefined;
  for (const d of nb.diagnostics) {
    const out: ErrorOutput = { kind: 'error', name: 'SyntaxError', message: d.message, line: d.line, column: d.column };
    const owner = cellAtLine(nb.cells, d.line);
    if (owner) {
      cells[owner.index].status = 'error';
      cells[owner.index].outputs.push(out);
    } else {
      error ??= out;
    }
  }
  return { file: nb.file, source: nb.source, cells, ok: false, ms, ...(error ? { error } : {}) };
}
