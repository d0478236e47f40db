import { defineConfig } from 'vite';
import { notebookPreview } from './src/notebook/preview/plugin.ts';

// `npm run notebooks`: the live notebook page. Loopback only; bundles are read from the project
// and from the folder above it (where ../shared/data lives) through Vite's /@fs/ route.
export default defineConfig({
  root: '.',
  appType: 'custom',
  publicDir: false,
  plugins: [notebookPreview({ dir: process.env.SITESELECT_NOTEBOOKS ?? 'notebooks' })],
  server: { host: '127.0.0.1', fs: { allow: ['.', '..'] } },
  optimizeDeps: {
    entries: ['src/notebook/preview/main.ts', 'notebooks/*.ts'],
    include: ['@observablehq/plot', 'd3'],
    exclude: ['@duckdb/duckdb-wasm'],
  },
  worker: { format: 'es' },
});
