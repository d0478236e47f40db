/**
 * Output rows arrive in file order (the second pass over a streamed file) but are written in rank
 * order. Each row's line is encoded as UTF-8 into the buffer of its output position's bucket
 * (`perBucket` consecutive positions a bucket, at most MAX_BUCKETS buckets), with its position and
 * byte length beside it; a full buffer is appended to the bucket's scratch files. The buckets are
 * then read back one after the other and their lines copied into position order. Memory holds the
 * buckets' buffers (`bufferBytes` in all) and one bucket, nothing per row; lines do not linger in
 * the JS heap as strings. Node only.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BlockWriter } from './block-writer.ts';
import { writeAll } from './disk/scratch-writer.ts';

/** Buckets at most: open scratch files stay few however long the output. */
const MAX_BUCKETS = 256;

interface Bucket {
  bytes: Buffer;
  used: number;
  /** Position and byte length of each pending line. */
  index: number[];
  /** Scratch files (text, index), opened on the first flush. */
  text: number;
  positions: number;
}

export class RankBuckets {
  private readonly buckets: Bucket[];
  private readonly perBucket: number;

  /** `count` output positions, 0 … count − 1. */
  constructor(private readonly dir: string, private readonly count: number, bufferBytes = 16 << 20) {
    this.perBucket = Math.max(1 << 16, Math.ceil(count / MAX_BUCKETS));
    const n = Math.ceil(count / this.perBucket);
    const size = Math.max(1 << 14, Math.min(1 << 18, Math.floor(bufferBytes / Math.max(1, n))));
    this.buckets = Array.from({ length: n }, () => ({ bytes: Buffer.allocUnsafe(size), used: 0, index: [], text: -1, positions: -1 }));
  }

  private file(b: number, kind: 'txt' | 'idx'): string {
    return path.join(this.dir, `bucket-${b}.${kind}`);
  }

  add(position: number, line: string): void {
    const b = Math.floor(position / this.perBucket);
    const bucket = this.buckets[b];
    const most = 3 * line.length;
    if (bucket.used + most > bucket.bytes.length) this.flush(b);
    if (most > bucket.bytes.length) {
      const bytes = Buffer.from(line, 'utf8');
      bucket.index.push(position, bytes.length);
      this.flush(b, bytes);
      return;
    }
    const length = bucket.bytes.write(line, bucket.used, 'utf8');
    bucket.used += length;
    bucket.index.push(position, length);
  }

  /** Appends the pending lines (and `extra`, already in the index) to the bucket's files. */
  private flush(b: number, extra?: Buffer): void {
    const bucket = this.buckets[b];
    if (bucket.text < 0) {
      bucket.text = openSync(this.file(b, 'txt'), 'w');
      bucket.positions = openSync(this.file(b, 'idx'), 'w');
    }
    writeAll(bucket.text, bucket.bytes.subarray(0, bucket.used));
    if (extra) writeAll(bucket.text, extra);
    writeAll(bucket.positions, new Uint8Array(Float64Array.from(bucket.index).buffer));
    bucket.used = 0;
    bucket.index = [];
  }

  /** Each bucket's lines in position order, bucket after bucket (the buckets are spent). */
  *ordered(): Generator<Buffer> {
    for (let b = 0; b < this.buckets.length; b++) {
      this.flush(b);
      this.close(b);
      const text = readFileSync(this.file(b, 'txt'));
      const idx = readFileSync(this.file(b, 'idx'));
      const index = new Float64Array(idx.buffer, idx.byteOffset, idx.byteLength / 8);
      this.remove(b);
      const first = b * this.perBucket;
      const start = new Float64Array(Math.min(this.count, first + this.perBucket) - first).fill(-1);
      const length = new Float64Array(start.length);
      for (let e = 0, at = 0; e < index.length; e += 2) {
        start[index[e] - first] = at;
        length[index[e] - first] = index[e + 1];
        at += index[e + 1];
      }
      const ordered = Buffer.allocUnsafe(text.length);
      let used = 0;
      for (let p = 0; p < start.length; p++) if (start[p] >= 0) used += text.copy(ordered, used, start[p], start[p] + length[p]);
      yield ordered.subarray(0, used);
    }
  }

  /** Writes every position's line in position order. */
  async writeTo(out: BlockWriter): Promise<void> {
    for (const bytes of this.ordered()) await out.writeBytes(bytes);
  }

  private close(b: number): void {
    const bucket = this.buckets[b];
    if (bucket.text >= 0) closeSync(bucket.text);
    if (bucket.positions >= 0) closeSync(bucket.positions);
    bucket.text = bucket.positions = -1;
  }

  private remove(b: number): void {
    rmSync(this.file(b, 'txt'), { force: true });
    rmSync(this.file(b, 'idx'), { force: true });
  }

  discard(): void {
    for (let b = 0; b < this.buckets.length; b++) {
      this.close(b);
      this.remove(b);
    }
  }
}
