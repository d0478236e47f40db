/**
 * A record file read in chunks of up to `rows` records, each chunk's fields taken out as columns:
 * the engine's column code (normalise, combine, containment) then runs on a chunk at a time, with
 * the same arithmetic per row as over the whole list. A chunk's buffer is reused by the next one.
 */
import { RecordCursor } from './record-file.ts';

export class RecordChunk {
  count = 0;
  /** Index of the chunk's first record in the file. */
  first = 0;

  constructor(readonly data: Float64Array, readonly width: number) {}

  /** Field k of every record of the chunk. */
  column(k: number, out = new Float64Array(this.count)): Float64Array {
    for (let i = 0, at = k; i < this.count; i++, at += this.width) out[i] = this.data[at];
    return out;
  }

  /** Field k of every record, as whole numbers (indices, codes). */
  ints(k: number): Int32Array {
    const out = new Int32Array(this.count);
    for (let i = 0, at = k; i < this.count; i++, at += this.width) out[i] = this.data[at];
    return out;
  }
}

export function* recordChunks(file: string, width: number, rows = 1 << 16): Generator<RecordChunk> {
  const cursor = new RecordCursor(file, width);
  const chunk = new RecordChunk(new Float64Array(rows * width), width);
  let first = 0;
  try {
    for (;;) {
      let m = 0;
      while (m < rows && cursor.next()) chunk.data.set(cursor.block.subarray(cursor.at, cursor.at + width), m++ * width);
      if (m === 0) return;
      chunk.count = m;
      chunk.first = first;
      first += m;
      yield chunk;
      if (m < rows) return;
    }
  } finally {
    cursor.close();
  }
}
