import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // The real-city fixtures' manifests point into ../shared/data (read there, never copied).
    env: { SITESELECT_DATA_ROOTS: fileURLToPath(new URL('../shared/data', import.meta.url)) },
  },
});
