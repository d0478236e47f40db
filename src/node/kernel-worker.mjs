// Entry of a Node kernel worker: registers tsx in this thread, then loads the TypeScript worker.
// (A worker started with execArgv ['--import', 'tsx'] refuses a .ts entry file on Node 20.)
import { register } from 'tsx/esm/api';

register();
await import('./kernel-worker.ts');
