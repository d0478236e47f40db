/** A worker thread that formats chunks of CSV rows (csv-text.ts) for csv-text-pool.ts. */
import { parentPort } from 'node:worker_threads';
import { csvText, type CellColumn } from './csv-text.ts';
import type { CellKind } from './site-table.ts';

/** A chunk to format; the reply is its text. */
export interface CsvTextTask {
  kinds: CellKind[];
  columns: CellColumn[];
  n: number;
}

const port = parentPort;
if (!port) throw new Error('csv-text-worker.ts runs as a worker thread (see csv-text-pool.ts)');
port.on('message', (task: CsvTextTask) => port.postMessage(csvText(task.kinds, task.columns, task.n)));
