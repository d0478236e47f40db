/**
 * One check before any work in every command that writes: no output may be one of the run's
 * inputs or another of its outputs. Files are compared by device and inode when they exist (so a
 * symlink or a hard link to an input counts), by real folder and name when they do not yet.
 * Node only.
 */
import { constants } from 'node:fs';
import { access, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.ts';
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

/**
 * An output must be creatable: its nearest existing folder writable (missing folders below it are
 * created when writing). Checked before the run, not found out after it.
 */
async function refuseUnwritable(out: NamedFile): Promise<void> {
  const existing = await stat(out.file).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${out.label} ${out.file} is a folder; name a file in it`);
  let dir = path.dirname(out.file);
  for (;;) {
    const s = await stat(dir).catch(() => undefined);
    if (s !== undefined) {
      if (!s.isDirectory()) throw new UsageError(`${out.label} ${out.file} cannot be written: ${dir} is a file, not a folder`);
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  await access(dir, constants.W_OK).catch(() => {
    throw new UsageError(`${out.label} ${out.file} cannot be written: the folder ${dir} is not writable; choose another place or fix its permissions`);
  });
}

/** Throws a UsageError naming the output and what it would overwrite, or why it cannot be written. */
async function refuseClobbering(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): Promise<void> {
  for (const out of outputs) await refuseUnwritable(out);
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

/** Files by how the message names them; undefined ones (an option not given) are left out. */
export type FilesByLabel = Record<string, string | undefined>;

const named = (files: FilesByLabel): NamedFile[] => Object.entries(files).flatMap(([label, file]) => (file === undefined ? [] : [{ label, file }]));

/**
 * The check every command that writes makes before any work: the run's inputs are the bundle (its
 * manifest and every layer file, when it reads one) and the other files it names.
 */
export async function refuseOverwritingInputs(run: { bundle?: { dir: string; manifestPath: string }; inputs?: FilesByLabel; outputs: FilesByLabel }): Promise<void> {
  const outputs = named(run.outputs);
  if (outputs.length === 0) return;
  const bundle = run.bundle === undefined ? [] : await bundleInputs(run.bundle.dir, run.bundle.manifestPath);
  await refuseClobbering([...bundle, ...named(run.inputs ?? {})], outputs);
}

/**
 * The manifest and every file it names (layers, roads, basemap), as the loader will resolve them. A manifest that
 * is missing or unreadable gives just itself: the loader reports that in its own words.
 */
async function bundleInputs(dir: string, manifestName: string): Promise<NamedFile[]> {
  const manifestFile = path.resolve(dir, manifestName);
  const files: NamedFile[] = [{ label: 'the bundle manifest', file: manifestFile }];
  try {
    const manifest = readManifest(manifestName, new Uint8Array(await readFile(manifestFile)));
    const base = path.dirname(manifestFile);
    for (const e of manifest.layers) files.push({ label: `layer ${e.layer}'s file`, file: path.resolve(base, e.file) });
    if (manifest.roads) files.push({ label: 'the roads file', file: path.resolve(base, manifest.roads.file) });
    if (manifest.basemap) files.push({ label: 'the basemap file', file: path.resolve(base, manifest.basemap.file) });
  } catch {
    // not readable here: loading fails later with the reason
  }
  return files;
}
