/**
 * A column of strings in a scratch file, each a 4-byte length and its UTF-8 bytes, written and read
 * back front to back in blocks: ids and exclusion reasons of a streamed candidate file, one per
 * row, without a JS string per row held in memory. The strings come from UTF-8 text, so they hold
 * no lone surrogates (UTF-8 could not carry one back). Node only.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ScratchWriter } from './scratch-writer.ts';

const BLOCK = 1 << 20;

export class StringWriter extends ScratchWriter {
  private buffer: Buffer;
  private used = 0;

  constructor(file: string, blockBytes = BLOCK) {
    super(file);
    this.buffer = Buffer.allocUnsafe(Math.max(64, blockBytes));
  }

  add(text: string): void {
    const most = 4 + text.length * 3;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most);
    }
    const length = this.buffer.write(text, this.used + 4, 'utf8');
    this.buffer.writeUInt32LE(length, this.used);
    this.used += 4 + length;
    this.count++;
  }

  protected pending(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  protected emptied(): void {
    this.used = 0;
  }
}

/** Reads the strings back in order: `next()` returns the next one, undefined after the last. */
export class StringCursor {
  private buffer: Buffer;
  private start = 0;
  private end = 0;
  private position = 0;
  private fd: number;

  constructor(readonly file: string, private readonly blockBytes = BLOCK) {
    this.buffer = Buffer.allocUnsafe(Math.max(64, blockBytes));
    this.fd = openSync(file, 'r');
  }

  /** Makes at least `bytes` unread bytes available; false at the end of the file. */
  private fill(bytes: number): boolean {
    if (this.end - this.start >= bytes) return true;
    if (this.fd < 0) return false;
    const rest = this.end - this.start;
    const size = Math.max(this.blockBytes, bytes);
    const next = size > this.buffer.length ? Buffer.allocUnsafe(size) : this.buffer;
    this.buffer.copy(next, 0, this.start, this.end);
    this.buffer = next;
    this.start = 0;
    this.end = rest;
    while (this.end < bytes) {
      const n = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, this.position);
      if (n === 0) {
        this.close();
        return false;
      }
      this.position += n;
      this.end += n;
    }
    return true;
  }

  next(): string | undefined {
    if (!this.fill(4)) return undefined;
    const length = this.buffer.readUInt32LE(this.start);
    if (!this.fill(4 + length)) throw new Error(`${this.file} ends inside a string`);
    const text = this.buffer.toString('utf8', this.start + 4, this.start + 4 + length);
    this.start += 4 + length;
    return text;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
