/**
 * The rejects of a streamed candidate file, written to a side file as they come (nothing per row
 * kept but its row number and line length). Rejects only the whole file can decide (lat/lon
 * swaps, missing and duplicate ids) come at the end; `finish` merges them in by row number, so
 * the rejects file reads exactly as the whole-file path writes it. Node only.
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rename } from 'node:fs/promises';
import type { Reject } from '../../data/layer.ts';
import { BlockWriter, PieceReader } from './block-writer.ts';
import { Growable } from './growable.ts';
import { textBlocks } from './text-blocks.ts';
import { rejectColumns } from './write-rejects.ts';
import { tableText } from './write-table.ts';

export class RejectSpill {
  private buffer: string;
  private readonly headLength: number;
  private readonly rows = new Growable(Int32Array);
  private readonly lengths = new Growable(Uint32Array);
  private readonly one: Reject[] = [];
  private readonly line: (i: number) => string;

  /** `spill` is a scratch file beside the rejects file; `label` names the candidate file in each row. */
  constructor(private readonly spill: string, label: string) {
    const { head, line } = tableText(rejectColumns(label, this.one), 0, 'csv');
    this.line = line;
    this.buffer = head;
    this.headLength = head.length;
    mkdirSync(path.dirname(spill), { recursive: true });
    writeFileSync(spill, '');
  }

  get count(): number {
    return this.rows.length;
  }

  private text(reject: Reject): string {
    this.one[0] = reject;
    return this.line(0);
  }

  add(reject: Reject): void {
    const text = this.text(reject);
    this.buffer += text;
    this.rows.push(reject.row);
    this.lengths.push(text.length);
    if (this.buffer.length > 1 << 18) this.flush();
  }

  private flush(): void {
    appendFileSync(this.spill, this.buffer);
    this.buffer = '';
  }

  /** Writes the rejects file: the spilled rejects and `late` (row order) merged by row. */
  async finish(file: string, late: readonly Reject[]): Promise<void> {
    this.flush();
    if (late.length === 0) {
      await rename(this.spill, file);
      return;
    }
    const blocks = textBlocks(this.spill, 1 << 20);
    const reader = new PieceReader(blocks);
    const out = await BlockWriter.open(file);
    await out.write(await reader.take(this.headLength));
    let m = 0;
    for (let k = 0; k < this.rows.length; k++) {
      const row = this.rows.at(k);
      while (m < late.length && late[m].row < row) await out.write(this.text(late[m++]));
      await out.write(await reader.take(this.lengths.at(k)));
    }
    while (m < late.length) await out.write(this.text(late[m++]));
    await out.close();
    await blocks.return(undefined);
    this.discard();
  }

  discard(): void {
    rmSync(this.spill, { force: true });
  }
}
