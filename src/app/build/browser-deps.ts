/**
 * What Vite pre-bundles for the pages (the workbench, the notebook page, the test pages): every
 * runtime dependency in package.json except the Node-only ones, named up front with discovery
 * off. A dependency found only while a page loads (an import inside a worker, a lazy import) makes
 * Vite re-optimise and answer that page's modules with 504 "Outdated Optimize Dep"; a fixed list
 * means one optimisation per cache, never a second one mid-load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DepOptimizationOptions } from 'vite';

/** Dependencies no page imports (native, server-side DOM, the notebook compiler). */
const NODE_ONLY = new Set(['@duckdb/node-api', 'linkedom', 'typescript', 'ts-blank-space']);
/** Served as they are: DuckDB-WASM loads its worker and wasm by URL. */
const SERVED_AS_IS = ['@duckdb/duckdb-wasm'];

export function browserDeps(repoRoot: string): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(pkg.dependencies).filter((d) => !NODE_ONLY.has(d) && !SERVED_AS_IS.includes(d));
}

export function pageOptimizeDeps(repoRoot: string): DepOptimizationOptions {
  return { include: browserDeps(repoRoot), exclude: SERVED_AS_IS, noDiscovery: true };
}
