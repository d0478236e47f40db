/**
 * A file-system failure (disk full, permission denied, read-only disk) as one sentence naming the
 * file and the fix instead of a stack trace. Node's errors carry `code`, `syscall` and `path`.
 */
const FIXES: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space or write elsewhere',
  EDQUOT: 'the disk quota is used up; free some space or write elsewhere',
  EACCES: 'permission denied; fix the permissions or use another place',
  EPERM: 'operation not permitted; fix the permissions or use another place',
  EROFS: 'the file system is read-only; write elsewhere',
  ENOENT: 'no such file or folder; check the path',
  ENOTDIR: 'a part of the path is a file, not a folder; check the path',
  EISDIR: 'that is a folder, not a file; name a file',
  EMFILE: 'too many open files; close other programs or raise the limit (ulimit -n)',
};

export function systemErrorMessage(err: unknown): string | undefined {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return undefined;
  const fix = FIXES[err.code];
  if (fix === undefined) return undefined;
  const file = 'path' in err && typeof err.path === 'string' ? ` ${err.path}` : '';
  const what = 'syscall' in err && typeof err.syscall === 'string' ? err.syscall : 'file access';
  return `${what}${file} failed (${err.code}): ${fix}`;
}
