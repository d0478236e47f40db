/** A bundle folder on disk as a `FileSource`. Node only. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSource } from '../io/file-source.ts';

export function nodeFileSource(dir: string): FileSource {
  const root = path.resolve(dir);
  const resolve = (p: string): string => path.resolve(root, p);
  return {
    async readFile(p) {
      const buf = await readFile(resolve(p));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    async exists(p) {
      try {
        await access(resolve(p));
        return true;
      } catch {
        return false;
      }
    },
  };
}
