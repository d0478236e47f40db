/**
 * What Vite pre-bundles for the pages (the workbench, the notebook page, the test pages): every
 * package the sources import (bare specifiers in src/, deep paths included), except the Node-only
 * ones, named up front with discovery off. A dependency found only while a page loads (an import
 * inside a worker, a lazy import) makes Vite re-optimise and answer that page's modules with 504
 * "Outdated Optimize Dep"; a fixed list means one optimisation per cache, never one mid-load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DepOptimizationOptions } from 'vite';

/** Packages no page imports (native, server-side DOM, the notebook compiler, the dev server). */
const NODE_ONLY = new Set(['@duckdb/node-api', 'linkedom', 'typescript', 'ts-blank-space', 'vite', 'vitest', 'playwright-core']);
/** Served as they are: DuckDB-WASM loads its worker and wasm by URL. */
const SERVED_AS_IS = ['@duckdb/duckdb-wasm'];

const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^'./][^']*)'|\bimport\('([^'./][^']*)'\)/g;

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Sources a page may load: not the CLI, not src/node, not *.node.ts, not declarations. */
function pageSources(src: string): string[] {
  return readdirSync(src, { withFileTypes: true, recursive: true })
    .map((e) => ({ e, path: join(e.parentPath, e.name) }))
    .filter(({ e, path }) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.node.ts')
      && !path.startsWith(join(src, 'cli')) && !path.startsWith(join(src, 'node')))
    .map(({ path }) => path);
}

export function browserDeps(repoRoot: string): string[] {
  const found = new Set<string>();
  for (const file of pageSources(join(repoRoot, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('node:') || spec.includes('?')) continue;
      const pkg = packageOf(spec);
      if (!NODE_ONLY.has(pkg) && !SERVED_AS_IS.includes(pkg)) found.add(spec);
    }
  }
  return [...found].sort();
}

export function pageOptimizeDeps(repoRoot: string): DepOptimizationOptions {
  return { include: browserDeps(repoRoot), exclude: SERVED_AS_IS, noDiscovery: true };
}
