/**
 * `--bundle DIR|FILE`, one rule for every command: a folder (its bundle.json) or a manifest file
 * inside one, whatever its name (bundle-pmedian.json). The scenario a command falls back to is
 * scenario.json beside the manifest.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BundleError } from '../errors.ts';

export interface BundleLocation {
  /** The bundle folder: layer paths are relative to it. */
  dir: string;
  /** The manifest's file name inside `dir`. */
  manifestPath: string;
  /** The manifest's full path. */
  manifestFile: string;
  /** scenario.json beside the manifest (it may not exist). */
  scenarioBeside: string;
}

export async function locateBundle(given: string, cwd: string): Promise<BundleLocation> {
  const full = path.resolve(cwd, given);
  const info = await stat(full).catch(() => null);
  if (!info) throw new BundleError(given, `bundle folder ${given} does not exist; pass --bundle DIR, a folder that holds bundle.json and its layer files.`);
  const dir = info.isFile() ? path.dirname(full) : full;
  const manifestPath = info.isFile() ? path.basename(full) : 'bundle.json';
  const manifestFile = path.join(dir, manifestPath);
  if (!info.isFile() && !(await stat(manifestFile).then((s) => s.isFile(), () => false))) {
    throw new BundleError(manifestFile, `${given} holds no bundle.json; pass --bundle DIR, a folder that holds bundle.json (or the manifest file itself, e.g. --bundle ${path.join(given, 'bundle-other.json')}).`);
  }
  return { dir, manifestPath, manifestFile, scenarioBeside: path.join(dir, 'scenario.json') };
}
