import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { browserDeps } from './src/app/build/browser-deps.ts';
import { notebookPreview } from './src/notebook/preview/plugin.ts';

// `npm run notebooks`: the live notebook page. Loopback only; bundles are read from the project
// and from the folder above it (where ../shared/data lives) through Vite's /@fs/ route.
export default defineConfig({
  root: '.',
  appType: 'custom',
  publicDir: false,
  plugins: [notebookPreview({ dir: process.env.SITESELECT_NOTEBOOKS ?? 'notebooks' })],
  server: { host: '127.0.0.1', fs: { allow: ['.', '..'] } },
  // Its own cache: sharing node_modules/.vite with the workbench's config, each would re-optimise
  // over the other's. Discovery stays on (a notebook may import any package); the library's own
  // dependencies are named so the usual ones never need it.
  cacheDir: 'node_modules/.vite-notebooks',
  optimizeDeps: {
    entries: ['src/notebook/preview/main.ts', 'notebooks/*.ts'],
    include: browserDeps(fileURLToPath(new URL('.', import.meta.url))),
    exclude: ['@duckdb/duckdb-wasm'],
  },
  worker: { format: 'es' },
});
