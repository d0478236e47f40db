/** A Node kernel worker (worker_threads): runs each task it is sent, replies when done. */
import { parentPort } from 'node:worker_threads';
import { runTask, WORKER_READY, type TaskMessage } from '../kernel/worker-task.ts';

const port = parentPort;
if (!port) throw new Error('kernel-worker.ts runs as a worker thread (see kernel-pool.ts)');
port.on('message', (message: TaskMessage) => port.postMessage(runTask(message)));
port.postMessage(WORKER_READY);
