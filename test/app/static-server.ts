/**
 * A plain static file server on loopback, standing in for "any static file server" that hosts the
 * built workbench. It sends the cross-origin isolation headers (COOP/COEP) a host should send so the
 * engine's kernel can run on several threads; `isolated: false` serves without them (one thread).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
};

const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export async function serveStatic(dir: string, options: { isolated?: boolean } = {}): Promise<{ server: Server; url: string }> {
  const extra = options.isolated === false ? {} : ISOLATION;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
