/** Node-only entry: file-system bundle loading, native worker threads. Re-exports the public API. */
export * from './index.ts';
