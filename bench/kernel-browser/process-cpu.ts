/**
 * CPU seconds of a process tree, per process or per thread (Linux /proc; the driver's side of the
 * browser benchmark, not part of the page). Chromium's workers are threads of its renderer process,
 * so per-thread figures show how many threads scanned; a machine shared with others changes wall
 * time, not these.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Stat { ppid: number; seconds: number }

/** `/proc/<path>/stat`'s parent and utime + stime, or null when the process or thread is gone. */
function readStat(path: string): Stat | null {
  const text = readOrNone(`/proc/${path}/stat`);
  if (text === undefined) return null;
  // Fields after the command name (which may hold spaces and parentheses): state ppid … utime(14) stime(15).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

/** A process or thread may end while we read: then it is simply not counted. */
function readdirOrNone(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function readOrNone(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `root` and every process below it, with their stats. */
function processTree(root: number): Map<number, Stat> {
  const all = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    const stat = /^\d+$/.test(name) ? readStat(name) : null;
    if (stat) all.set(Number(name), stat);
  }
  const tree = new Map<number, Stat>();
  const rootStat = all.get(root);
  if (rootStat) tree.set(root, rootStat);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) {
      if (!tree.has(pid) && tree.has(s.ppid)) { tree.set(pid, s); grew = true; }
    }
  }
  return tree;
}

export function processTreeCpuSeconds(root: number): number {
  let seconds = 0;
  for (const s of processTree(root).values()) seconds += s.seconds;
  return seconds;
}

/** CPU seconds per thread of the tree, keyed "pid/tid", with the thread's name. */
export function threadCpuSeconds(root: number): Map<string, { name: string; seconds: number }> {
  const threads = new Map<string, { name: string; seconds: number }>();
  for (const pid of processTree(root).keys()) {
    for (const tid of readdirOrNone(`/proc/${pid}/task`)) {
      const stat = readStat(`${pid}/task/${tid}`);
      const name = readOrNone(`/proc/${pid}/task/${tid}/comm`)?.trim();
      if (stat && name !== undefined) threads.set(`${pid}/${tid}`, { name, seconds: stat.seconds });
    }
  }
  return threads;
}

/** Threads that used at least `min` CPU seconds between two snapshots, busiest first: "name=seconds". */
export function busyThreads(before: ReturnType<typeof threadCpuSeconds>, after: ReturnType<typeof threadCpuSeconds>, min: number): string[] {
  return [...after]
    .map(([key, t]) => ({ name: t.name, seconds: t.seconds - (before.get(key)?.seconds ?? 0) }))
    .filter((t) => t.seconds >= min)
    .sort((a, b) => b.seconds - a.seconds)
    .map((t) => `${t.name.replace(/\s+/g, '_')}=${t.seconds.toFixed(2)}`);
}
