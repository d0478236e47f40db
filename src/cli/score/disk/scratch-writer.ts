/**
 * A scratch file written front to back from an in-memory buffer: what the record and string
 * writers share (open, write the pending bytes, close, count what was added). Node only.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Writes all of `bytes` at the file's end (a write may take fewer than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

export abstract class ScratchWriter {
  private fd: number;
  /** Items added so far. */
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** The bytes added since the last flush. */
  protected abstract pending(): Uint8Array;

  /** Forgets the pending bytes once written. */
  protected abstract emptied(): void;

  protected flush(): void {
    const bytes = this.pending();
    if (bytes.length > 0) writeAll(this.fd, bytes);
    this.emptied();
  }

  /** Flushes and closes; returns the number of items written. */
  close(): number {
    if (this.fd >= 0) {
      this.flush();
      closeSync(this.fd);
    }
    this.fd = -1;
    return this.count;
  }
}
