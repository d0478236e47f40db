/**
 * One check before any work in every command that writes: no output may be one of the run's
 * inputs or another of its outputs. Files are compared by device and inode when they exist (so a
 * symlink or a hard link to an input counts), by real folder and name when they do not yet.
 * Node only.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../data/errors.ts';
import { readManifest } from '../data/read-manifest.ts';

export interface NamedFile {
  /** How the message names it: '--out', 'the scenario', "layer pois's file". */
  label: string;
  /** Absolute path. */
  file: string;
}

async function identity(file: string): Promise<string> {
  const s = await stat(file).catch(() => undefined);
  if (s) return `inode ${s.dev}:${s.ino}`;
  const dir = await realpath(path.dirname(file)).catch(() => path.dirname(file));
  return `path ${path.join(dir, path.basename(file))}`;
}

/** Throws a UsageError naming the output and what it would overwrite. */
export async function refuseClobbering(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): Promise<void> {
  const seen = new Map<string, NamedFile & { input: boolean }>();
  for (const f of inputs) seen.set(await identity(f.file), { ...f, input: true });
  for (const out of outputs) {
    const id = await identity(out.file);
    const taken = seen.get(id);
    if (taken) {
      if (taken.input) throw new UsageError(`${out.label} ${out.file} is the same file as ${taken.label} (${taken.file}), an input of this run; write it to another file`);
      throw new UsageError(`${out.label} ${out.file} is the same file as ${taken.label} writes; give them different names`);
    }
    seen.set(id, { ...out, input: false });
  }
}

/**
 * The manifest and every layer file it names, as the loader will resolve them. A manifest that
 * is missing or unreadable gives just itself: the loader reports that in its own words.
 */
export async function bundleInputs(dir: string, manifestName: string): Promise<NamedFile[]> {
  const manifestFile = path.resolve(dir, manifestName);
  const files: NamedFile[] = [{ label: 'the bundle manifest', file: manifestFile }];
  try {
    const manifest = readManifest(manifestName, new Uint8Array(await readFile(manifestFile)));
    const base = path.dirname(manifestFile);
    for (const e of manifest.layers) files.push({ label: `layer ${e.layer}'s file`, file: path.resolve(base, e.file) });
  } catch {
    // not readable here: loading fails later with the reason
  }
  return files;
}
