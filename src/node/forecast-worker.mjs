// Entry of the forecast worker from the sources: registers tsx in this thread, then loads the TypeScript worker
// (as src/node/kernel-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./forecast-worker.ts');
