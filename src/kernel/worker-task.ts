/**
 * What a pool worker does with one task: claim chunks of the query order from a shared counter
 * until none are left, running the same pure scan the single-thread kernel runs. Dynamic chunks
 * keep both cores busy when the work is uneven (dense city centres, sparse outskirts).
 */
import { scanCandidates, scanPressure, type CandidatesJob, type PressureJob } from './scan-huff.ts';
import { scanNearest, type NearestJob } from './scan-nearest.ts';
import { scanSumWithin, type SumWithinJob } from './scan-sum-within.ts';

export type KernelTask =
  | { method: 'sumWithin'; job: SumWithinJob }
  | { method: 'nearest'; job: NearestJob }
  | { method: 'pressure'; job: PressureJob }
  | { method: 'candidates'; job: CandidatesJob };

export interface TaskMessage {
  id: number;
  task: KernelTask;
  /**
   * Shared by every thread on the task: [0] next unclaimed position in the query order, [1] how many
   * queries are finished (a thread waiting on the whole task watches this), [2] 1 once a scan failed.
   */
  state: Int32Array;
  chunk: number;
}

export interface TaskReply {
  id: number;
  error?: string;
}

/** A worker's first message: its code is loaded. */
export const WORKER_READY = 'siteselect-kernel-worker-ready';

export function queryCount(task: KernelTask): number {
  return task.job.qOrder.length;
}

function runRange(task: KernelTask, from: number, to: number): void {
  switch (task.method) {
    case 'sumWithin': scanSumWithin(task.job, from, to); break;
    case 'nearest': scanNearest(task.job, from, to); break;
    case 'pressure': scanPressure(task.job, from, to); break;
    case 'candidates': scanCandidates(task.job, from, to); break;
  }
}

/** Claims and runs chunks until none are left; a failed chunk still counts as finished (flag [2]). */
export function runChunks(message: TaskMessage): string | undefined {
  const { task, state, chunk } = message;
  const n = queryCount(task);
  let error: string | undefined;
  for (;;) {
    const from = Atomics.add(state, 0, chunk);
    if (from >= n) break;
    const to = Math.min(from + chunk, n);
    try {
      if (error === undefined) runRange(task, from, to);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      Atomics.store(state, 2, 1);
    }
    Atomics.add(state, 1, to - from);
    Atomics.notify(state, 1);
  }
  return error;
}

export function runTask(message: TaskMessage): TaskReply {
  const error = runChunks(message);
  return error === undefined ? { id: message.id } : { id: message.id, error };
}
