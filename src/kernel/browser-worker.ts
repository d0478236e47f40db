/** A Web Worker of the browser kernel pool: runs each task it is sent, replies when done. */
import { runTask, WORKER_READY, type TaskMessage, type TaskReply } from './worker-task.ts';

/** The part of a dedicated worker's global scope this file uses. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<TaskMessage>) => void) | null;
  postMessage(message: TaskReply | typeof WORKER_READY): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(runTask(event.data));
scope.postMessage(WORKER_READY);
