/**
 * Bytes → text for CSV/TSV/stops.txt. Uses TextDecoder (which knows GBK/GB18030 in Node with full
 * ICU and in browsers) so the same code runs everywhere. Detection when the manifest names no
 * encoding: a UTF-8 BOM, else valid UTF-8, else GB18030 (a superset of GBK); text that still holds
 * replacement characters is not readable and is a whole-file error.
 */
import { BundleError } from '../data/errors.ts';

export type TextEncodingName = 'utf-8' | 'gbk' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8 with BOM' | 'gbk' | 'gb18030';
}

const REPLACEMENT = '\uFFFD';

function unreadable(file: string, tried: string): BundleError {
  return new BundleError(
    file,
    `${file} is not readable as ${tried}; save it as UTF-8 or set "encoding" for it in bundle.json.`,
  );
}

export function decodeText(file: string, bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gbk' || encoding === 'gb18030') {
    const text = new TextDecoder(encoding).decode(bytes);
    if (text.includes(REPLACEMENT)) throw unreadable(file, encoding.toUpperCase());
    return { text, encoding };
  }
  if (hasBom) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 with BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw unreadable(file, 'UTF-8');
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes(REPLACEMENT)) throw unreadable(file, 'UTF-8 or GB18030');
  return { text, encoding: 'gb18030' };
}
