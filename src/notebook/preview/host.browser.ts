/**
 * The browser host: the page's own document for Plot, and bundles fetched from the preview
 * server (same origin: Vite serves the project's folders and allowed paths under /@fs/).
 */
import { BundleError, fetchFileSource, loadBundle, type LoadedBundle } from '../../index.ts';
import { MANIFEST_NAME, missingManifestMessage, splitPath, withManifest } from '../bundle-source.ts';
import type { NotebookHost } from '../context.ts';
import { openBrowserDatabase } from '../../db/duckdb-browser.ts';

export function browserHost(options: { args: readonly string[]; root: string }): NotebookHost {
  return {
    document,
    args: options.args,
    loadBundle: (path, o) => loadBundleOverHttp(options.root, path, o?.manifest),
    readFile: async (path) => {
      const res = await fetch(fsUrl(options.root, path));
      if (!res.ok) throw new BundleError(path, `${path} could not be read (HTTP ${res.status}; paths are relative to ${options.root})`);
      return new Uint8Array(await res.arrayBuffer());
    },
    openDatabase: openBrowserDatabase,
  };
}

/** An absolute file-system path as a URL the Vite server answers. */
function fsUrl(root: string, path: string): string {
  return '/@fs' + resolvePosix(root, path);
}

async function loadBundleOverHttp(root: string, folder: string, manifest: string | undefined): Promise<LoadedBundle> {
  const dataUrl = fsUrl(root, folder) + '/';
  if (manifest === undefined) {
    const data = fetchFileSource(dataUrl);
    if (!(await data.exists(MANIFEST_NAME))) throw new BundleError(`${folder}/${MANIFEST_NAME}`, missingManifestMessage(folder));
    return loadBundle(data);
  }
  const { folder: mFolder, name } = splitPath(resolvePosix(root, manifest));
  // The user named both folders: a path may lead from either into the other, never elsewhere.
  const besideUrl = `/@fs${mFolder}/`;
  const data = fetchFileSource(dataUrl, { alsoInside: [besideUrl] });
  const beside = fetchFileSource(besideUrl, { alsoInside: [dataUrl] });
  if (!(await beside.exists(name))) throw new BundleError(manifest, `manifest ${manifest} does not exist; check the --manifest path`);
  return loadBundle(withManifest(data, beside, name));
}

/** path.resolve for '/'-separated paths. */
export function resolvePosix(base: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${base}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
