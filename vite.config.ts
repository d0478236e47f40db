import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { pageOptimizeDeps } from './src/app/build/browser-deps.ts';
import { sampleDataPlugin } from './src/app/build/sample-data-plugin.ts';

// The workbench is a static page: everything it needs (DuckDB-WASM, its worker, the sample
// bundle) is served from the same origin, so it works offline from any static server.
// Cross-origin isolation lets the kernels share memory between workers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'src/app',
  publicDir: false,
  base: './',
  plugins: [sampleDataPlugin(repoRoot)],
  server: { headers: isolation, fs: { allow: ['../..'] } },
  preview: { headers: isolation },
  build: { outDir: '../../dist-app', emptyOutDir: true, target: 'es2022' }, // dist/ is the library
  worker: { format: 'es' },
  optimizeDeps: pageOptimizeDeps(repoRoot),
});
