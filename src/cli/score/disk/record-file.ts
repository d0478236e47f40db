/**
 * Fixed-width records of float64 fields in a scratch file: the per-row numbers of a streamed
 * candidate file live here rather than in memory, written and read back in blocks, front to back.
 * Indices, codes and flags are stored as float64 too (exact up to 2^53): one record type, one
 * reader. Node only (synchronous file calls: the caller is a command-line batch).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ScratchWriter } from './scratch-writer.ts';

/** Records a block: about a megabyte. */
function blockRecords(width: number): number {
  return Math.max(64, Math.floor((1 << 17) / Math.max(1, width)));
}

export class RecordWriter extends ScratchWriter {
  /** The block being filled; write a record's fields at `block[slot() + k]`. */
  readonly block: Float64Array;
  private used = 0;

  constructor(file: string, readonly width: number, records = blockRecords(width)) {
    super(file);
    this.block = new Float64Array(Math.max(1, records) * width);
  }

  /** The offset of a new record's first field in `block`. */
  slot(): number {
    if (this.used === this.block.length) this.flush();
    const at = this.used;
    this.used += this.width;
    this.count++;
    return at;
  }

  /** Appends a record copied from `source` at `offset`; returns its offset in `block`. */
  copy(source: Float64Array, offset: number): number {
    const at = this.slot();
    for (let k = 0; k < this.width; k++) this.block[at + k] = source[offset + k];
    return at;
  }

  protected pending(): Uint8Array {
    return new Uint8Array(this.block.buffer, 0, this.used * 8);
  }

  protected emptied(): void {
    this.used = 0;
  }
}

/**
 * Reads records front to back: `block[at + k]` is field k of the current record; `next()` moves on
 * and returns false after the last one.
 */
export class RecordCursor {
  block: Float64Array;
  at = -1;
  private filled = 0;
  private fd: number;
  private position = 0;
  /** The current record's number in the file, from 0 (-1 before the first). */
  index = -1;

  constructor(readonly file: string, readonly width: number, records = blockRecords(width)) {
    this.block = new Float64Array(Math.max(1, records) * width);
    this.fd = openSync(file, 'r');
  }

  next(): boolean {
    this.at += this.width;
    if (this.at >= this.filled) {
      if (!this.load()) return false;
      this.at = 0;
    }
    this.index++;
    return true;
  }

  /** Field k of the current record. */
  get(k: number): number {
    return this.block[this.at + k];
  }

  private load(): boolean {
    if (this.fd < 0) return false;
    const bytes = new Uint8Array(this.block.buffer);
    let got = 0;
    for (;;) {
      const n = readSync(this.fd, bytes, got, bytes.length - got, this.position);
      this.position += n;
      got += n;
      if (n === 0 || got === bytes.length) break;
    }
    this.filled = Math.floor(got / 8 / this.width) * this.width;
    if (this.filled === 0) {
      this.close();
      return false;
    }
    return true;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
