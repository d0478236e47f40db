/** Node-only entry: file-system bundle loading, native worker threads. Re-exports the public API. */
export * from './index.ts';
export { nodeFileSource } from './node/file-source.ts';
export { loadBundleDir } from './node/load-bundle-dir.ts';
export { openNodeDatabase } from './node/duckdb.ts';
export { createNodeKernel } from './node/kernel-pool.ts';
export { loadRoadGraph, graphCacheFile, type LoadedGraph, type GraphLoadOptions } from './node/road-graph-cache.ts';
export { openSql, type SqlSession } from './node/sql-session.ts';
export { openDatabase } from './node/open-database.ts';
