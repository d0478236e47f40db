/** A forecast worker (worker_threads, forecast-pool.ts): keeps the last market it was sent, runs each task's chunks. */
import { parentPort } from 'node:worker_threads';
import { FORECAST_WORKER_READY, runForecastChunks, type ForecastMessage, type SharedMarket } from './forecast-task.ts';

const port = parentPort;
if (!port) throw new Error('forecast-worker.ts runs as a worker thread (see forecast-pool.ts)');
let market: SharedMarket | undefined;
port.on('message', (message: ForecastMessage) => {
  if (message.kind === 'market') market = message.market;
  else port.postMessage(runForecastChunks(message.task, market));
});
port.postMessage(FORECAST_WORKER_READY);
