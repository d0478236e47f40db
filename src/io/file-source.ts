/**
 * Where bundle files come from. The loader only ever asks a `FileSource` for bytes, so the same
 * loading code serves a folder on disk (src/node/file-source.ts), files dropped on the page
 * (memory) and a bundle served next to the page (fetch, same origin only).
 */
export interface FileSource {
  /** Bytes of the file at `path` (relative to the bundle root, '/'-separated). */
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
}

/** Resolves `a/b/../c` and `./x` segments so that lookups match however the manifest spells a path. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  const absolute = path.startsWith('/');
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** Files held in memory, e.g. dropped on the page or built by a test. Keys are bundle-relative paths. */
export function memoryFileSource(files: Map<string, Uint8Array>): FileSource {
  const byPath = new Map<string, Uint8Array>();
  for (const [k, v] of files) byPath.set(normalisePath(k), v);
  return {
    readFile(path) {
      const bytes = byPath.get(normalisePath(path));
      if (bytes === undefined) return Promise.reject(new Error(`no file '${path}' in memory`));
      return Promise.resolve(bytes);
    },
    exists(path) {
      return Promise.resolve(byPath.has(normalisePath(path)));
    },
  };
}

/** Files served over HTTP from `baseUrl` (the page's own origin; nothing is fetched elsewhere). */
export function fetchFileSource(baseUrl: string): FileSource {
  const base = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const url = (path: string): string => new URL(normalisePath(path).replace(/^\//, ''), new URL(base, globalThis.location?.href)).href;
  return {
    async readFile(path) {
      const res = await fetch(url(path));
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${path}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async exists(path) {
      const res = await fetch(url(path), { method: 'HEAD' });
      // Some static servers refuse HEAD; ask with GET then (the body is not read).
      if (res.status === 405 || res.status === 501) return (await fetch(url(path))).ok;
      return res.ok;
    },
  };
}
