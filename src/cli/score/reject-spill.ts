/**
 * The rejects of a streamed candidate file, written to a side file as they come, with each one's
 * row number and text length in a record file beside it (nothing kept in memory per reject).
 * Rejects only the whole file can decide (lat/lon swaps, missing and duplicate ids) come after the
 * first pass, in a second spill; `finish` merges the two by row number, so the rejects file reads
 * exactly as the whole-file path writes it. Node only.
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rename } from 'node:fs/promises';
import type { Reject } from '../../data/layer.ts';
import { BlockWriter, PieceReader } from './block-writer.ts';
import { RecordCursor, RecordWriter } from './disk/record-file.ts';
import { textBlocks } from './text-blocks.ts';
import { rejectColumns } from './write-rejects.ts';
import { tableText } from './write-table.ts';

/** A spill read back one reject at a time: its row and its text. */
class SpillReader {
  private readonly blocks: AsyncGenerator<{ text: string }>;
  private readonly text: PieceReader;
  private readonly index: RecordCursor;
  row = Infinity;

  constructor(spill: RejectSpill) {
    this.blocks = textBlocks(spill.file, 1 << 20);
    this.text = new PieceReader(this.blocks);
    this.index = new RecordCursor(spill.indexFile, 2);
  }

  async head(length: number): Promise<string> {
    const head = await this.text.take(length);
    this.advance();
    return head;
  }

  private advance(): void {
    this.row = this.index.next() ? this.index.get(0) : Infinity;
  }

  async take(): Promise<string> {
    const piece = await this.text.take(this.index.get(1));
    this.advance();
    return piece;
  }

  async close(): Promise<void> {
    this.index.close();
    await this.blocks.return(undefined);
  }
}

export class RejectSpill {
  private buffer: string;
  readonly headLength: number;
  readonly indexFile: string;
  private readonly index: RecordWriter;
  private readonly one: Reject[] = [];
  private readonly line: (i: number) => string;

  /** `file` is a scratch file beside the rejects file; `label` names the candidate file in each row. */
  constructor(readonly file: string, label: string) {
    const { head, line } = tableText(rejectColumns(label, this.one), 0, 'csv');
    this.line = line;
    this.buffer = head;
    this.headLength = head.length;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
    this.indexFile = `${file}.rows`;
    this.index = new RecordWriter(this.indexFile, 2);
  }

  get count(): number {
    return this.index.count;
  }

  add(reject: Reject): void {
    this.one[0] = reject;
    const text = this.line(0);
    this.buffer += text;
    const at = this.index.slot();
    this.index.block[at] = reject.row;
    this.index.block[at + 1] = text.length;
    if (this.buffer.length > 1 << 18) this.flush();
  }

  private flush(): void {
    appendFileSync(this.file, this.buffer);
    this.buffer = '';
  }

  private close(): void {
    this.flush();
    this.index.close();
  }

  /** Writes the rejects file: these rejects and `late`'s (each in row order) merged by row. */
  async finish(target: string, late: RejectSpill): Promise<void> {
    this.close();
    late.close();
    if (late.count === 0) {
      await rename(this.file, target);
      this.discard();
      late.discard();
      return;
    }
    const a = new SpillReader(this);
    const b = new SpillReader(late);
    const out = await BlockWriter.open(target);
    await out.write(await a.head(this.headLength));
    await b.head(late.headLength);
    while (a.row < Infinity || b.row < Infinity) await out.write(await (b.row < a.row ? b : a).take());
    await out.close();
    await a.close();
    await b.close();
    this.discard();
    late.discard();
  }

  discard(): void {
    this.index.close();
    rmSync(this.file, { force: true });
    rmSync(this.indexFile, { force: true });
  }
}
