/**
 * Vite plugin: the sample bundle lives in data/sample (outside the page root). In dev it is served
 * at /data/sample/*; at build it is copied into dist-app/data/sample, so the static site loads it from
 * its own origin and works offline from any static file server.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
};

export function sampleDataPlugin(repoRoot: string): Plugin {
  const sampleDir = resolve(repoRoot, 'data', 'sample');
  let outDir = resolve(repoRoot, 'dist-app');
  return {
    name: 'siteselect-sample-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/data/sample', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
        const file = normalize(join(sampleDir, path));
        if (!file.startsWith(sampleDir) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
      });
    },
    closeBundle() {
      if (existsSync(sampleDir)) cpSync(sampleDir, join(outDir, 'data', 'sample'), { recursive: true });
    },
  };
}
