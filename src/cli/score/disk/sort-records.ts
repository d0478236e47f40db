/**
 * An external merge sort of fixed-width float64 records (record-file.ts): runs of at most
 * `runBytes` are sorted in memory and written out, then merged through a heap, each run read in
 * blocks that together take about `runBytes` again. Memory stays near 2 × runBytes whatever the
 * number of records. `order` must be total (end on a unique field) so the result does not depend
 * on the stability of any sort. Node only.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { MergeHeap } from './merge-heap.ts';
import { RecordCursor, RecordWriter } from './record-file.ts';

/** Compares record a (fields from `a[i]`) with record b (fields from `b[j]`): <0, 0, >0. */
export type RecordOrder = (a: Float64Array, i: number, b: Float64Array, j: number) => number;

export interface SortOptions {
  /** Bytes of records sorted in memory at a time. */
  runBytes: number;
  /** Folder for the runs. */
  scratch: string;
}

/** Runs merged at once. */
export const FAN_IN = 64;

let runNumber = 0;

/** Sorted runs of `input`; a single run is written to `output` itself. */
function writeRuns(input: string, output: string, width: number, order: RecordOrder, opts: SortOptions): { runs: string[]; total: number } {
  const runRecords = Math.max(2, Math.floor(opts.runBytes / (8 * width + 4)));
  const source = new RecordCursor(input, width);
  const buffer = new Float64Array(runRecords * width);
  const runs: string[] = [];
  let total = 0;
  try {
    let more = source.next();
    do {
      let m = 0;
      for (; m < runRecords && more; m++, more = source.next()) buffer.set(source.block.subarray(source.at, source.at + width), m * width);
      total += m;
      const perm = Uint32Array.from({ length: m }, (_, i) => i).sort((x, y) => order(buffer, x * width, buffer, y * width));
      const file = !more && runs.length === 0 ? output : path.join(opts.scratch, `run-${++runNumber}.f64`);
      const out = new RecordWriter(file, width, m);
      for (const p of perm) out.copy(buffer, p * width);
      out.close();
      runs.push(file);
    } while (more);
  } finally {
    source.close();
  }
  return { runs, total };
}

/** Sorts the records of `input` into `output` (a new file); returns the number of records. */
export function sortRecords(input: string, output: string, width: number, order: RecordOrder, opts: SortOptions): number {
  const { runs, total } = writeRuns(input, output, width, order, opts);
  // merge at most FAN_IN runs at a time: open files and read blocks stay few however many runs
  while (runs.length > FAN_IN) {
    const merged: string[] = [];
    for (let g = 0; g < runs.length; g += FAN_IN) {
      const group = runs.slice(g, g + FAN_IN);
      if (group.length === 1) merged.push(group[0]);
      else {
        const file = path.join(opts.scratch, `run-${++runNumber}.f64`);
        mergeRuns(group, file, width, order, opts.runBytes);
        merged.push(file);
      }
    }
    runs.splice(0, runs.length, ...merged);
  }
  if (runs.length > 1) mergeRuns(runs, output, width, order, opts.runBytes);
  return total;
}

function mergeRuns(runs: string[], output: string, width: number, order: RecordOrder, runBytes: number): void {
  const perRun = Math.max(64, Math.floor(runBytes / runs.length / (8 * width)));
  const cursors = runs.map((file) => new RecordCursor(file, width, perRun));
  const heap = new MergeHeap((x, y) => {
    const a = cursors[x], b = cursors[y];
    const c = order(a.block, a.at, b.block, b.at);
    return c < 0 || (c === 0 && x < y);
  });
  cursors.forEach((c, x) => {
    if (c.next()) heap.push(x);
  });
  const out = new RecordWriter(output, width);
  while (heap.size > 0) {
    const c = cursors[heap.top];
    out.copy(c.block, c.at);
    heap.advanced(c.next());
  }
  out.close();
  for (const file of runs) rmSync(file, { force: true });
}
