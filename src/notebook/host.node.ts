/**
 * The Node host: a server-side DOM (linkedom) for Plot, and bundles read from the file system
 * through the public API (loadBundle over nodeFileSource).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, basename, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { BundleError, loadBundle, nodeFileSource, openDatabase, type LoadedBundle } from '../node.ts';
import { MANIFEST_NAME, missingManifestMessage, withManifest } from './bundle-source.ts';
import { installPixelCanvas } from './canvas-shim.node.ts';
import type { NotebookHost } from './context.ts';

export function nodeHost(options: { args: readonly string[]; cwd: string }): NotebookHost {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  installPixelCanvas(document);
  return {
    // linkedom implements the DOM that Plot uses; its own types are not the lib.dom ones.
    document: document as unknown as Document,
    args: options.args,
    loadBundle: (path, o) => loadBundleFromDisk(options.cwd, path, o?.manifest),
    readFile: async (path) => {
      const full = resolve(options.cwd, path);
      if (!existsSync(full)) throw new BundleError(path, `${path} does not exist (paths are relative to ${options.cwd})`);
      return new Uint8Array(await readFile(full));
    },
    openDatabase,
  };
}

async function loadBundleFromDisk(cwd: string, folder: string, manifest: string | undefined): Promise<LoadedBundle> {
  const dir = resolve(cwd, folder);
  if (!existsSync(dir)) throw new BundleError(folder, `bundle folder ${folder} does not exist; pass the path of a folder that holds the layer files`);
  if (manifest === undefined) {
    if (!existsSync(resolve(dir, MANIFEST_NAME))) throw new BundleError(resolve(dir, MANIFEST_NAME), missingManifestMessage(folder));
    return loadBundle(nodeFileSource(dir));
  }
  const manifestPath = resolve(cwd, manifest);
  if (!existsSync(manifestPath)) throw new BundleError(manifest, `manifest ${manifest} does not exist; check the --manifest path`);
  // The user named both folders: a path may lead from either into the other, never elsewhere.
  const manifestDir = dirname(manifestPath);
  const data = nodeFileSource(dir, { alsoInside: [manifestDir] });
  const beside = nodeFileSource(manifestDir, { alsoInside: [dir], folderName: "the manifest's folder" });
  return loadBundle(withManifest(data, beside, basename(manifestPath)));
}
