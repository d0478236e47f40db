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

/**
 * Share of high bytes (≥ 0x80) followed by an ASCII byte. In GBK Chinese text nearly every
 * character is two high bytes (GB2312: both 0xA1–0xFE); in Latin-1/Windows-1252 text an accented
 * letter is one high byte between ASCII letters. Used to refuse a Latin-1 file rather than
 * silently reading it as Chinese.
 */
function asciiTrailShare(bytes: Uint8Array): number {
  let pairs = 0;
  let asciiTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] < 0x80) continue;
    pairs++;
    if (bytes[i + 1] < 0x80) asciiTrail++;
    i++; // the next byte belongs to this character
  }
  return pairs === 0 ? 0 : asciiTrail / pairs;
}

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
  if (asciiTrailShare(bytes) > 0.5) {
    throw new BundleError(file, `${file} is not UTF-8 and looks like Latin-1/Windows-1252 rather than GBK; save it as UTF-8 (or set "encoding": "gbk" if it really is Chinese).`);
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes(REPLACEMENT)) throw unreadable(file, 'UTF-8 or GB18030');
  return { text, encoding: 'gb18030' };
}
