/** Loads a bundle folder on disk. Node only. */
import type { LoadedBundle } from '../data/layer.ts';
import { loadBundle, type LoadBundleOptions } from '../data/load-bundle.ts';
import { nodeFileSource } from './file-source.ts';

export async function loadBundleDir(dir: string, options?: LoadBundleOptions): Promise<LoadedBundle> {
  return loadBundle(nodeFileSource(dir), options);
}
