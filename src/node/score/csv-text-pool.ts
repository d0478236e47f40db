/**
 * CSV text of many rows formatted on two threads: the calling thread and one worker take chunks in
 * turn (the worker whenever it has fewer than two waiting), and the texts come back in the chunks'
 * order. Formatting numbers was most of the time of writing millions of scored sites, on one core
 * of two. The worker starts only once a write is long enough to repay its start-up. Node only.
 */
import { Worker } from 'node:worker_threads';
import { csvText, type CellColumn } from './csv-text.ts';
import type { CsvTextTask } from './csv-text-worker.ts';
import type { CellKind } from './site-table.ts';

// From the sources (vitest, tsx) the worker entry registers tsx first; compiled (dist/) it is plain JS.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./csv-text-worker.mjs', import.meta.url) : new URL('./csv-text-worker.js', import.meta.url);

/** Chunks written on the calling thread alone before the worker is started. */
const CHUNKS_BEFORE_WORKER = 4;

export class CsvTextPool {
  private worker: Worker | undefined;
  private failed: Error | undefined;
  private readonly waiting: { resolve: (text: string) => void; reject: (error: Error) => void }[] = [];
  private chunks = 0;

  constructor(private readonly kinds: CellKind[]) {}

  /** The chunk's text, formatted here or in the worker. */
  format(columns: CellColumn[], n: number): Promise<string> {
    this.chunks++;
    if (this.failed) return Promise.reject(this.failed);
    const worker = this.chunks > CHUNKS_BEFORE_WORKER ? (this.worker ??= this.start()) : undefined;
    if (worker === undefined || this.waiting.length >= 2) return Promise.resolve(csvText(this.kinds, columns, n));
    const task: CsvTextTask = { kinds: this.kinds, columns, n };
    const transfer = columns.flatMap((c) => (c instanceof Float64Array && c.buffer instanceof ArrayBuffer ? [c.buffer] : []));
    return new Promise<string>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      worker.postMessage(task, transfer);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    // replies come in the order the tasks were posted
    worker.on('message', (text: string) => this.waiting.shift()?.resolve(text));
    worker.on('error', (error) => {
      this.failed = new Error(`the CSV writer's worker failed: ${error.message}`, { cause: error });
      for (const w of this.waiting.splice(0)) w.reject(this.failed);
    });
    return worker;
  }
}
