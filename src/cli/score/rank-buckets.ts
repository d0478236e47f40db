/**
 * Output rows arrive in file order (the second pass over a streamed file) but are written in rank
 * order. Each row's text goes to the bucket of its output position (`perBucket` consecutive
 * positions a bucket), with its position and length beside it; a bucket's pending text is appended
 * to its scratch files once it grows past its share of `bufferBytes`. The buckets are then written
 * one after the other, each put in order in memory: memory holds one bucket, not the output, and
 * nothing per row. Node only.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BlockWriter } from './block-writer.ts';
import { collectGarbage } from './collect-garbage.ts';

interface Bucket {
  text: string;
  /** Position and UTF-16 length of each pending text. */
  index: number[];
  spilled: boolean;
}

export class RankBuckets {
  private readonly buckets: Bucket[];
  private readonly flushAt: number;

  /** `count` output positions, 0 … count − 1. */
  constructor(private readonly dir: string, private readonly count: number, private readonly perBucket = 1 << 16, bufferBytes = 64 << 20) {
    const n = Math.ceil(count / perBucket);
    this.buckets = Array.from({ length: n }, () => ({ text: '', index: [], spilled: false }));
    this.flushAt = Math.max(1 << 14, Math.min(1 << 18, Math.floor(bufferBytes / 2 / Math.max(1, n))));
  }

  private file(b: number, kind: 'txt' | 'idx'): string {
    return path.join(this.dir, `bucket-${b}.${kind}`);
  }

  add(position: number, text: string): void {
    const b = Math.floor(position / this.perBucket);
    const bucket = this.buckets[b];
    bucket.text += text;
    bucket.index.push(position, text.length);
    if (bucket.text.length >= this.flushAt) this.flush(b);
  }

  private flush(b: number): void {
    const bucket = this.buckets[b];
    appendFileSync(this.file(b, 'txt'), bucket.text);
    appendFileSync(this.file(b, 'idx'), new Uint8Array(Float64Array.from(bucket.index).buffer));
    bucket.text = '';
    bucket.index = [];
    bucket.spilled = true;
  }

  /** Writes every position's text in position order. */
  async writeTo(out: BlockWriter): Promise<void> {
    for (let b = 0; b < this.buckets.length; b++) {
      const bucket = this.buckets[b];
      let text = bucket.text;
      let index: ArrayLike<number> = bucket.index;
      if (bucket.spilled) {
        this.flush(b);
        text = readFileSync(this.file(b, 'txt'), 'utf8');
        const bytes = readFileSync(this.file(b, 'idx'));
        index = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        this.remove(b);
      }
      this.buckets[b] = { text: '', index: [], spilled: false };
      const start = b * this.perBucket;
      const pieces = new Array<string>(Math.min(this.count, start + this.perBucket) - start).fill('');
      for (let e = 0, at = 0; e < index.length; e += 2) {
        pieces[index[e] - start] = text.slice(at, at + index[e + 1]);
        at += index[e + 1];
      }
      for (const piece of pieces) await out.write(piece);
      if (bucket.spilled) collectGarbage();
    }
  }

  private remove(b: number): void {
    rmSync(this.file(b, 'txt'), { force: true });
    rmSync(this.file(b, 'idx'), { force: true });
  }

  discard(): void {
    for (let b = 0; b < this.buckets.length; b++) this.remove(b);
  }
}
