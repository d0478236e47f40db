/**
 * A full garbage collection between the chunks of a streamed file. V8 lets old-space garbage grow
 * to a multiple of the live heap before collecting it; a streamed run makes a chunk's worth of
 * short-lived strings at a time, which survive the chunk's awaits and so reach old space. Collecting
 * after each chunk keeps the heap near what is live (a few tens of milliseconds a chunk).
 * `gc` is not exposed by default; --expose-gc set at run time makes it reachable from a new context.
 * Node only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
