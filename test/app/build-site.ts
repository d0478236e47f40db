/** Builds the workbench (vite build) into a fresh temporary folder: what `npm run build` ships. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export async function buildSite(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'siteselect-site-')), 'dist');
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  return outDir;
}
