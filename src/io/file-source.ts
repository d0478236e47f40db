/**
 * Where bundle files come from. The loader only ever asks a `FileSource` for bytes, so the same
 * loading code serves a folder on disk (src/node/file-source.ts), files dropped on the page
 * (memory) and a bundle served next to the page (fetch, same origin only).
 */
import { PathRefused } from '../errors.ts';

export interface FileSource {
  /** Bytes of the file at `path` (relative to the bundle root, '/'-separated). */
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /** Byte ranges of one file without reading it whole (Cloud-Optimised GeoTIFFs), where the source can. */
  openRanges?(path: string): Promise<RangeReader>;
}

/** A file read by byte range; `bytesRead` counts what was asked for, so a test can see a windowed read. */
export interface RangeReader {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  bytesRead: number;
  close(): Promise<void>;
}

/** Ranges of bytes already in memory (a dropped file): the same windowed path, nothing copied. */
export function memoryRanges(bytes: Uint8Array): RangeReader {
  const reader: RangeReader = {
    size: bytes.length,
    bytesRead: 0,
    read(offset, length) {
      const part = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      reader.bytesRead += part.length;
      return Promise.resolve(part);
    },
    close: () => Promise.resolve(),
  };
  return reader;
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
    openRanges(path) {
      const bytes = byPath.get(normalisePath(path));
      if (bytes === undefined) return Promise.reject(new Error(`no file '${path}' in memory`));
      return Promise.resolve(memoryRanges(bytes));
    },
  };
}

/**
 * Files served over HTTP from `baseUrl` (the page's own origin; nothing is fetched elsewhere).
 * A base on another origin, or a path that resolves outside the base folder (`../x`, `/x`,
 * `https://elsewhere/x`), is refused with a `PathRefused` before any request.
 */
export function fetchFileSource(baseUrl: string, options: { alsoInside?: readonly string[] } = {}): FileSource {
  const here = globalThis.location?.href;
  const folderUrl = (u: string): URL => new URL(u.endsWith('/') ? u : u + '/', here);
  const base = folderUrl(baseUrl);
  // Other folders a path may lead into: the data folder beside a manifest kept elsewhere.
  const roots = [base, ...(options.alsoInside ?? []).map(folderUrl)];
  const keepInside = `put the file inside the bundle folder ${base.href} and name it by a path relative to it`;
  if (here !== undefined && base.origin !== new URL(here).origin) {
    throw new PathRefused(baseUrl, `that bundle address is on another origin than the page (${new URL(here).origin})`, 'serve the bundle folder from the page\'s own server');
  }
  const url = (path: string): string => {
    const normal = normalisePath(path);
    const resolved = new URL(normal.replace(/^\//, ''), base);
    if (normal.startsWith('/') || resolved.origin !== base.origin || !roots.some((r) => resolved.pathname.startsWith(r.pathname))) {
      throw new PathRefused(path, `that path leads outside the bundle folder ${base.href}`, keepInside);
    }
    return resolved.href;
  };
  return {
    async readFile(path) {
      const res = await fetch(url(path));
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${path}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    // A first range request tells whether the server serves ranges (206 with the file's size in
    // Content-Range); a server that ignores Range answers 200 with the whole file, read from memory then.
    async openRanges(path) {
      const target = url(path);
      const probe = await fetch(target, { headers: { Range: 'bytes=0-0' } });
      if (!probe.ok) throw new Error(`HTTP ${probe.status} for ${path}`);
      const size = Number(/\/(\d+)$/.exec(probe.headers.get('content-range') ?? '')?.[1]);
      if (probe.status !== 206 || !(size > 0)) return memoryRanges(new Uint8Array(await probe.arrayBuffer()));
      await probe.arrayBuffer();
      const reader: RangeReader = {
        size,
        bytesRead: 0,
        async read(offset, length) {
          const end = Math.min(size, offset + length) - 1;
          if (end < offset) return new Uint8Array(0);
          const res = await fetch(target, { headers: { Range: `bytes=${offset}-${end}` } });
          if (res.status !== 206) throw new Error(`HTTP ${res.status} for bytes ${offset}–${end} of ${path} (expected 206)`);
          const part = new Uint8Array(await res.arrayBuffer());
          reader.bytesRead += part.length;
          return part;
        },
        close: () => Promise.resolve(),
      };
      return reader;
    },
    async exists(path) {
      const res = await fetch(url(path), { method: 'HEAD' });
      // Some static servers refuse HEAD; ask with GET then (the body is not read).
      if (res.status === 405 || res.status === 501) return (await fetch(url(path))).ok;
      return res.ok;
    },
  };
}
