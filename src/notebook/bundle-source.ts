/**
 * A bundle folder whose manifest is kept elsewhere (e.g. a manifest in the project for a read-only
 * data folder): the loader's `bundle.json` is the given manifest; every other path is looked up
 * in the data folder first, then beside the manifest. Same in Node and the browser.
 */
import type { FileSource } from '../index.ts';

export const MANIFEST_NAME = 'bundle.json';

export function withManifest(folder: FileSource, manifestFolder: FileSource, manifestName: string): FileSource {
  // A path refused by the data folder (e.g. `../x`) may still be a plain file beside the manifest;
  // when both refuse it, the data folder's refusal is the one reported.
  const pick = async (path: string): Promise<FileSource> => {
    try {
      return (await folder.exists(path)) ? folder : manifestFolder;
    } catch (err) {
      if (await manifestFolder.exists(path).catch(() => false)) return manifestFolder;
      throw err;
    }
  };
  return {
    async readFile(path) {
      if (path === MANIFEST_NAME) return manifestFolder.readFile(manifestName);
      return (await pick(path)).readFile(path);
    },
    async exists(path) {
      if (path === MANIFEST_NAME) return manifestFolder.exists(manifestName);
      return (await pick(path)).exists(path);
    },
  };
}

/** The message for a folder that has no bundle.json and no --manifest. */
export function missingManifestMessage(folder: string): string {
  return `${folder} has no ${MANIFEST_NAME}; write a manifest there (schema: schemas/bundle.schema.json) or name one kept elsewhere with --manifest FILE`;
}

/** Splits a '/'-separated path into its folder and file name. */
export function splitPath(path: string): { folder: string; name: string } {
  const i = path.lastIndexOf('/');
  return i < 0 ? { folder: '.', name: path } : { folder: path.slice(0, i) || '/', name: path.slice(i + 1) };
}
