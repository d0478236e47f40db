/**
 * The notebook preview server, as a Vite plugin (Node side). It lists the notebooks, compiles one
 * on request (the same compile as the CLI), serves the compiled module through Vite's pipeline (so
 * imports of the library and of npm packages resolve as in the workbench), and tells the page when
 * a notebook file changes (server-sent events; no network beyond the loopback connection).
 */
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileNotebook, type CompiledNotebook } from '../compile.ts';

export interface NotebookPreviewOptions {
  /** The notebooks folder (absolute, or relative to Vite's root). */
  dir: string;
}

const MODULE_PREFIX = '/__notebooks/module/';
const MODULE_SUFFIX = '.notebook.js';
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>siteselect notebooks</title></head>
<body><div id="app"></div><script type="module" src="/src/notebook/preview/main.ts"></script></body>
</html>
`;

export function notebookPreview(options: NotebookPreviewOptions): Plugin {
  let root = process.cwd();
  let dir = '';
  /** Compiled code by version token, so the module the page imports is exactly what it was told about. */
  const compiled = new Map<string, CompiledNotebook>();
  let version = 0;

  const isNotebook = (name: string): boolean => /^[\w.-]+\.ts$/.test(name) && !name.endsWith('.d.ts');
  const listNotebooks = (): string[] => readdirSync(dir).filter((f) => isNotebook(f) && statSync(resolve(dir, f)).isFile()).sort();
  const compileFile = (name: string): { token: string; nb: CompiledNotebook } => {
    const path = resolve(dir, name);
    const nb = compileNotebook(path, readFileSync(path, 'utf8'), { runtimeSpecifier: '/src/notebook/context.ts' });
    const token = String(++version);
    compiled.set(token, nb);
    if (compiled.size > 20) compiled.delete(compiled.keys().next().value ?? '');
    return { token, nb };
  };

  return {
    name: 'siteselect-notebook-preview',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir);
    },
    resolveId(id) {
      if (!id.startsWith(MODULE_PREFIX)) return null;
      // /__notebooks/module/<token>/<name>: an id beside the notebook, so its relative imports resolve.
      const [token, name] = id.slice(MODULE_PREFIX.length).split('?')[0].split('/');
      return `${resolve(dir, name)}${MODULE_SUFFIX}?v=${token}`;
    },
    load(id) {
      if (!id.includes(MODULE_SUFFIX + '?v=')) return null;
      const token = id.split('?v=')[1];
      const nb = compiled.get(token);
      if (!nb) throw new Error(`notebook version ${token} is gone; reload the page`);
      return { code: nb.code, map: null };
    },
    configureServer(server) {
      const clients = new Set<ServerResponse>();
      let watcher: FSWatcher | undefined;
      try {
        // Editors save in steps (truncate, write, rename): tell the page once the file is quiet.
        const pending = new Map<string, ReturnType<typeof setTimeout>>();
        watcher = watch(dir, (_event, name) => {
          const file = name?.toString();
          if (!file || !isNotebook(file)) return;
          clearTimeout(pending.get(file));
          pending.set(file, setTimeout(() => {
            pending.delete(file);
            for (const res of clients) res.write(`data: ${JSON.stringify({ file })}\n\n`);
          }, 80));
        });
      } catch {
        server.config.logger.warn(`notebooks folder ${dir} cannot be watched`);
      }
      server.httpServer?.on('close', () => watcher?.close());
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/' || url.pathname === '/index.html') return void sendPage(server, req, res);
        if (url.pathname === '/__notebooks/list') return void sendJson(res, { dir: relative(root, dir) || '.', root, files: listNotebooks() });
        if (url.pathname === '/__notebooks/compile') {
          const name = url.searchParams.get('file') ?? '';
          // Only files listed in the folder: the name never walks out of it.
          if (!listNotebooks().includes(name)) return void sendJson(res, { error: `no notebook ${name} in ${dir}` }, 404);
          const { token, nb } = compileFile(name);
          return void sendJson(res, { file: relative(root, nb.file), source: nb.source, cells: nb.cells, diagnostics: nb.diagnostics, module: `${MODULE_PREFIX}${token}/${name}` });
        }
        if (url.pathname === '/__notebooks/events') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return;
        }
        next();
      });
    },
  };
}

async function sendPage(server: ViteDevServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const html = await server.transformIndexHtml(req.url ?? '/', PAGE);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
