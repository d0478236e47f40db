/**
 * Where in the notebook an error was thrown. The compiled module keeps the file's lines (see
 * compile.ts), so the innermost stack frame that belongs to the module gives the notebook line.
 * V8's async stack traces keep the `await` frames, so errors thrown inside the API are traced
 * back to the notebook line that awaited them.
 */
export interface ErrorLocation {
  line: number;
  column: number;
}

/** `moduleUrl` is what the module was imported as; any query string (cache busting) is ignored. */
export function errorLocation(error: unknown, moduleUrl: string): ErrorLocation | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const url = moduleUrl.split('?')[0];
  // A file module may appear in frames as its URL or as its plain path (e.g. under test runners).
  const needles = url.startsWith('file://') ? [url, decodeURIComponent(new URL(url).pathname)] : [url];
  for (const frame of stack.split('\n')) {
    for (const needle of needles) {
      const at = frame.indexOf(needle);
      if (at < 0) continue;
      const m = /^:(\d+):(\d+)/.exec(frame.slice(at + needle.length).replace(/^\?[^:]*/, ''));
      if (m) return { line: Number(m[1]), column: Number(m[2]) };
    }
  }
  return undefined;
}
