/**
 * Text written to a file in blocks of about a megabyte (one giant string for a million rows is
 * slow and large; a write per row is slower), waiting when the stream asks to. Node only.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { abandonTemp, commitTemp, tempBeside } from '../atomic-file.ts';

/** Writes to a temporary file beside the target, renamed over it by `close` (src/node/atomic-file.ts). */
export class BlockWriter {
  private block = '';

  private constructor(
    private readonly stream: WriteStream,
    private readonly temp: string,
    private readonly file: string,
  ) {}

  static async open(file: string): Promise<BlockWriter> {
    const temp = await tempBeside(file);
    return new BlockWriter(createWriteStream(temp), temp, file);
  }

  async write(text: string): Promise<void> {
    this.block += text;
    if (this.block.length >= 1 << 20) {
      const full = this.block;
      this.block = '';
      if (!this.stream.write(full)) await once(this.stream, 'drain');
    }
  }

  async close(): Promise<void> {
    this.stream.end(this.block);
    this.block = '';
    await once(this.stream, 'finish');
    await commitTemp(this.temp, this.file);
  }

  /** Stops writing and removes the temporary file; the target stays as it was. */
  async abandon(): Promise<void> {
    // the stream opens its file asynchronously: remove the file only once the stream has closed it,
    // or an open still under way creates it again after the removal
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close');
      this.stream.destroy();
      await closed;
    }
    await abandonTemp(this.temp);
  }
}
