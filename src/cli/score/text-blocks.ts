/**
 * A text file read in blocks of `blockBytes`, decoded as UTF-8 the way decodeText decodes a whole
 * file: a BOM is dropped and the rest decoded leniently; without one the bytes must be valid UTF-8.
 * Bytes that are not (a GBK or Latin-1 file) throw NotUtf8Error: such a file is read whole
 * instead, where the encoding is detected. Node only.
 */
import { open } from 'node:fs/promises';

export class NotUtf8Error extends Error {}

export interface TextBlock {
  text: string;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** Blocks of at least 4 bytes, so that the first one shows whether the file starts with a BOM. */
export async function* textBlocks(file: string, blockBytes: number): AsyncGenerator<TextBlock> {
  const size = Math.max(4, blockBytes);
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(size);
    let decoder: TextDecoder | undefined;
    let bytesRead = 0;
    for (;;) {
      const { bytesRead: got } = await handle.read(buffer, 0, size, null);
      const bytes = buffer.subarray(0, got);
      if (decoder === undefined) {
        const bom = got >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        decoder = new TextDecoder('utf-8', { fatal: !bom });
      }
      bytesRead += got;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: got > 0 });
      } catch (err) {
        throw new NotUtf8Error(`${file} is not UTF-8`, { cause: err });
      }
      if (text !== '' || got === 0) yield { text, bytesRead };
      if (got === 0) return;
    }
  } finally {
    await handle.close();
  }
}
