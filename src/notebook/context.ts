/**
 * The state of the one notebook run in progress. The compiled module calls `enterCell(i)` at each
 * cell's marker line, and `display()` appends to the cell that is running, so outputs land in the
 * cell that produced them even though the whole file runs as one module.
 */
import type { LoadedBundle } from '../data/layer.ts';
import type { Database } from '../db/database.ts';
import type { Output } from './outputs.ts';

/** What differs between Node and the browser. */
export interface NotebookHost {
  /** The DOM Plot draws into (the page's own, or a server-side one in Node). */
  readonly document: Document;
  /** Arguments after `--` on the command line, or from the page's address. */
  readonly args: readonly string[];
  /** A bundle folder by path (relative to where the notebook was started). */
  loadBundle(path: string, options?: { manifest?: string }): Promise<LoadedBundle>;
  /** Bytes of a file by path (relative to where the notebook was started). */
  readFile(path: string): Promise<Uint8Array>;
  /** A DuckDB for the run (runFunnel scores in it): native in Node (else WASM), DuckDB-WASM in the page. */
  openDatabase(): Promise<Database>;
}

export interface RunState {
  host: NotebookHost;
  /** Outputs per cell index. */
  outputs: Output[][];
  /** Cell indices in the order they were entered. */
  entered: number[];
  /** Milliseconds spent in each entered cell. */
  ms: number[];
  current: number;
  cellStartedAt: number;
  /** The run's DuckDB, opened on first use (database() in index.ts) and closed when the run ends. */
  database?: Promise<Database>;
}

let active: RunState | null = null;

export function startRun(host: NotebookHost, cellCount: number): void {
  if (active) throw new Error('another notebook is already running in this context; wait for it to finish');
  active = { host, outputs: Array.from({ length: cellCount }, () => []), entered: [], ms: new Array<number>(cellCount).fill(0), current: -1, cellStartedAt: now() };
}

export function finishRun(): RunState {
  if (!active) throw new Error('no notebook run to finish');
  closeCell(active);
  const done = active;
  active = null;
  return done;
}

/** The run's one DuckDB, opened on first use. */
export function runDatabase(): Promise<Database> {
  if (!active) throw new Error('database() is for notebooks: call it while a notebook runs');
  active.database ??= active.host.openDatabase();
  return active.database;
}

/** Called by the compiled notebook at each cell marker. */
export function enterCell(index: number): void {
  if (!active) return; // the module was imported outside a run: nothing to record
  closeCell(active);
  active.current = index;
  active.entered.push(index);
  active.cellStartedAt = now();
}

export function emit(output: Output): void {
  if (!active || active.current < 0) {
    console.log(output.kind === 'text' ? output.text : output);
    return;
  }
  active.outputs[active.current].push(output);
}

export function currentHost(): NotebookHost {
  if (!active) throw new Error('this notebook function needs the notebook runtime: run the file with `siteselect notebook FILE` or `npm run notebooks`');
  return active.host;
}

function closeCell(state: RunState): void {
  if (state.current >= 0) state.ms[state.current] += now() - state.cellStartedAt;
}

function now(): number {
  return performance.now();
}
