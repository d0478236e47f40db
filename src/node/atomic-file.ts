/**
 * Outputs appear whole or not at all: each is written to a hidden temporary file beside its
 * target and renamed over it only when complete (a rename within one folder is atomic). A run
 * that fails or is interrupted (Ctrl-C, SIGTERM, process.exit) removes its temporary files and
 * leaves the target as it was. A target that is a device or a pipe (`--out /dev/null`,
 * `/dev/stdout`, a FIFO) is written through at the end instead: renaming over it would put a
 * regular file in its place (run as root, `--out /dev/null` once replaced the machine's /dev/null).
 * Node only.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const pending = new Set<string>();
/** Temporary files whose target is a device or a pipe: copied into it at commit, not renamed over it. */
const writtenThrough = new Set<string>();
let counter = 0;

async function isDeviceOrPipe(file: string): Promise<boolean> {
  const target = await stat(file).catch(() => null);
  return target !== null && !target.isFile() && !target.isDirectory();
}

function removePending(): void {
  for (const file of pending) rmSync(file, { recursive: true, force: true });
  pending.clear();
}

function interrupted(signal: NodeJS.Signals): void {
  removePending();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Removes `temp` (a file or a folder) if the process ends (exit, Ctrl-C, SIGTERM) before `untrack(temp)`. */
export function track(temp: string): void {
  if (pending.size === 0) {
    process.on('exit', removePending);
    process.on('SIGINT', interrupted);
    process.on('SIGTERM', interrupted);
  }
  pending.add(temp);
}

export function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) {
    process.off('exit', removePending);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** A fresh temporary path beside `file` (its folder created), removed if the process ends first. */
export async function tempBeside(file: string): Promise<string> {
  if (await isDeviceOrPipe(file)) {
    // Not beside it: /dev is not writable for most users.
    const temp = path.join(tmpdir(), `.siteselect-${path.basename(file)}.${process.pid}-${++counter}.partial`);
    track(temp);
    writtenThrough.add(temp);
    return temp;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++counter}.partial`);
  track(temp);
  return temp;
}

/** Puts the finished temporary file in place of `file`. */
export async function commitTemp(temp: string, file: string): Promise<void> {
  if (writtenThrough.delete(temp)) {
    await pipeline(createReadStream(temp), createWriteStream(file));
    await rm(temp, { force: true });
  } else {
    await rename(temp, file);
  }
  untrack(temp);
}

/** Removes an unfinished temporary file. */
export async function abandonTemp(temp: string): Promise<void> {
  writtenThrough.delete(temp);
  await rm(temp, { force: true });
  untrack(temp);
}

/** Runs `write` on a temporary file, then renames it over `file`; on failure `file` is untouched. */
export async function writeAtomically<T>(file: string, write: (temp: string) => Promise<T>): Promise<T> {
  const temp = await tempBeside(file);
  try {
    const result = await write(temp);
    await commitTemp(temp, file);
    return result;
  } catch (err) {
    await abandonTemp(temp);
    throw err;
  }
}

export function writeFileAtomically(file: string, data: string | Uint8Array): Promise<void> {
  return writeAtomically(file, (temp) => writeFile(temp, data));
}
