/**
 * A bundle folder on disk as a `FileSource`. Node only. A bundle may come from someone else, so
 * every path must stay inside the folder by real path (symlinks resolved), name a regular file
 * (not a device, a pipe or a folder) and be at most `maxBytes` long; anything else is a
 * `PathRefused` that the loader reports with the layer's name.
 */
import { constants } from 'node:buffer';
import { constants as fsConstants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PathRefused } from '../errors.ts';
import type { FileSource, RangeReader } from '../io/file-source.ts';

/** Environment variable that raises (or lowers) the size limit of one bundle file, in bytes. */
export const MAX_FILE_BYTES_ENV = 'SITESELECT_MAX_FILE_BYTES';
/** 1 GiB: ten times the largest real-city layer we know of, and well below what one Buffer holds. */
export const DEFAULT_MAX_FILE_BYTES = 1024 ** 3;
/**
 * Environment variable listing further folders (path-delimiter separated) that layer files may
 * come from, e.g. a shared read-only data folder that project manifests point into. Set by the
 * user, never by a bundle.
 */
export const DATA_ROOTS_ENV = 'SITESELECT_DATA_ROOTS';

export interface NodeFileSourceOptions {
  /** Largest file read, in bytes [SITESELECT_MAX_FILE_BYTES, else 1 GiB]. */
  maxBytes?: number;
  /** Names the folder in refusals ("the bundle folder", "the manifest's folder"). */
  folderName?: string;
  /** Other folders a path may lead into (the data folder beside a manifest kept elsewhere). */
  alsoInside?: readonly string[];
}

/** The folders of SITESELECT_DATA_ROOTS, absolute. */
export function dataRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[DATA_ROOTS_ENV] ?? '').split(path.delimiter).filter((d) => d !== '').map((d) => path.resolve(d));
}

/** The limit from the environment, or the default when unset or not a positive whole number. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env[MAX_FILE_BYTES_ENV]);
  return Number.isSafeInteger(given) && given > 0 ? Math.min(given, constants.MAX_LENGTH) : DEFAULT_MAX_FILE_BYTES;
}

function inside(root: string, full: string): boolean {
  const rel = path.relative(root, full);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function nodeFileSource(dir: string, options: NodeFileSourceOptions = {}): FileSource {
  const root = path.resolve(dir);
  const folder = options.folderName ?? 'the bundle folder';
  const maxBytes = options.maxBytes ?? maxFileBytes();
  const roots = [root, ...(options.alsoInside ?? []).map((d) => path.resolve(d)), ...dataRoots()];
  const keepInside = `put the file inside ${folder} ${root} and name it by a path relative to it (or list its folder in ${DATA_ROOTS_ENV})`;
  let realRoots: Promise<string[]> | undefined;

  /** The real path of `p`, checked to lie inside an allowed folder; undefined when nothing is there. */
  async function confine(p: string): Promise<string | undefined> {
    const full = path.resolve(root, p);
    if (!roots.some((r) => inside(r, full))) throw new PathRefused(p, `that path leads outside ${folder} ${root}`, keepInside);
    let real: string;
    try {
      real = await realpath(full);
    } catch {
      return undefined;
    }
    realRoots ??= Promise.all(roots.map((r) => realpath(r).catch(() => r)));
    if (!(await realRoots).some((r) => inside(r, real))) throw new PathRefused(p, `that path is a link to ${real}, outside ${folder} ${root}`, keepInside);
    return real;
  }

  return {
    async readFile(p) {
      const real = await confine(p);
      if (real === undefined) throw new Error(`${p} does not exist in ${root}`);
      // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
      const handle = await open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
      try {
        const s = await handle.stat();
        if (!s.isFile()) throw new PathRefused(p, `that path is ${kindOf(s)}`, 'name a regular data file');
        if (s.size > maxBytes) {
          throw new PathRefused(p, `that file is ${s.size} bytes, over the limit of ${maxBytes} bytes for one file`, `set ${MAX_FILE_BYTES_ENV} to a larger number of bytes to read it`);
        }
        const buf = await handle.readFile();
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } finally {
        await handle.close();
      }
    },
    async exists(p) {
      const real = await confine(p);
      return real !== undefined && (await stat(real).then(() => true, () => false));
    },
    // No size limit here: a range reader holds only the ranges asked for.
    async openRanges(p) {
      const real = await confine(p);
      if (real === undefined) throw new Error(`${p} does not exist in ${root}`);
      const handle = await open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
      const s = await handle.stat();
      if (!s.isFile()) {
        await handle.close();
        throw new PathRefused(p, `that path is ${kindOf(s)}`, 'name a regular data file');
      }
      const reader: RangeReader = {
        size: s.size,
        bytesRead: 0,
        async read(offset, length) {
          const buf = new Uint8Array(Math.max(0, Math.min(length, s.size - offset)));
          const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
          reader.bytesRead += bytesRead;
          return buf.subarray(0, bytesRead);
        },
        close: () => handle.close(),
      };
      return reader;
    },
  };
}
