/**
 * Output rows arrive in file order (the second pass over a streamed file) but are written in rank
 * order. Each row's text goes to the bucket of its output position (`perBucket` consecutive
 * positions a bucket, a scratch file each once it grows), then the buckets are written one after
 * the other, each put in order in memory: memory holds one bucket, not the output. Node only.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { BlockWriter } from './block-writer.ts';
import { collectGarbage } from './collect-garbage.ts';

export class RankBuckets {
  private readonly buffers: string[];
  /** Scratch file descriptor of each bucket that spilled (-1 none yet). */
  private readonly spilled: number[];
  /** UTF-16 length of the text of each output position. */
  private readonly lengths: Uint32Array;

  /** `source[k]`: the arrival key (file order) of output position k. */
  constructor(private readonly dir: string, private readonly source: ArrayLike<number>, private readonly perBucket = 1 << 16) {
    const buckets = Math.ceil(source.length / perBucket);
    this.buffers = new Array<string>(buckets).fill('');
    this.spilled = new Array<number>(buckets).fill(-1);
    this.lengths = new Uint32Array(source.length);
  }

  private file(b: number): string {
    return path.join(this.dir, `bucket-${b}.txt`);
  }

  add(position: number, text: string): void {
    const b = Math.floor(position / this.perBucket);
    this.lengths[position] = text.length;
    this.buffers[b] += text;
    if (this.buffers[b].length >= 1 << 18) {
      if (this.spilled[b] < 0) this.spilled[b] = openSync(this.file(b), 'w');
      writeSync(this.spilled[b], this.buffers[b]);
      this.buffers[b] = '';
    }
  }

  /** Writes every position's text in position order. */
  async writeTo(out: BlockWriter): Promise<void> {
    for (let b = 0; b < this.buffers.length; b++) {
      const start = b * this.perBucket;
      const end = Math.min(this.source.length, start + this.perBucket);
      const spilled = this.spilled[b] >= 0;
      if (spilled) this.close(b);
      const text = (spilled ? readFileSync(this.file(b), 'utf8') : '') + this.buffers[b];
      if (spilled) rmSync(this.file(b));
      this.buffers[b] = '';
      // the texts lie in arrival order: cut them there, then put them in position order
      const arrival = Array.from({ length: end - start }, (_, i) => start + i).sort((x, y) => this.source[x] - this.source[y]);
      const pieces = new Array<string>(end - start);
      let at = 0;
      for (const k of arrival) {
        pieces[k - start] = text.slice(at, at + this.lengths[k]);
        at += this.lengths[k];
      }
      for (const piece of pieces) await out.write(piece);
      if (spilled) collectGarbage();
    }
  }

  private close(b: number): void {
    closeSync(this.spilled[b]);
    this.spilled[b] = -1;
  }

  discard(): void {
    for (let b = 0; b < this.buffers.length; b++) {
      if (this.spilled[b] >= 0) this.close(b);
      rmSync(this.file(b), { force: true });
    }
  }
}
