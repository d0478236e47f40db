// Entry of the CSV text worker from the sources: registers tsx in this thread, then loads the TypeScript worker
// (as src/node/kernel-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./csv-text-worker.ts');
