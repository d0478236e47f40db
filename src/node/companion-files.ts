/**
 * Files beside a data file with another extension (a Shapefile's .dbf, .prj, .cpg next to its
 * .shp), read from disk for the readers that need them. Node only; tries the extension in lower
 * and upper case.
 */
import { readFile } from 'node:fs/promises';
import type { CompanionReader } from '../io/read-shapefile.ts';

export function companionFiles(fullPath: string): CompanionReader {
  const stem = fullPath.replace(/\.[^./\\]*$/, '.');
  return async (ext) => {
    for (const name of [stem + ext, stem + ext.toUpperCase()]) {
      const bytes = await readFile(name).then((b) => new Uint8Array(b), () => undefined);
      if (bytes !== undefined) return bytes;
    }
    return undefined;
  };
}
