/**
 * Bytes → text for CSV/TSV/stops.txt. Uses TextDecoder (which knows GBK/GB18030 in Node with full
 * ICU and in browsers) so the same code runs everywhere. Detection when the manifest names no
 * encoding: a UTF-8 BOM, else valid UTF-8, else GB18030 (a superset of GBK); text that still holds
 * replacement characters is not readable and is a whole-file error.
 */
import { BundleError } from '../errors.ts';

export type TextEncodingName = 'utf-8' | 'gbk' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8 with BOM' | 'gbk' | 'gb18030';
  /** A doubt about the guess worth a note (text that is valid UTF-8 but reads better as GBK). */
  note?: string;
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

/** Where GBK byte pairs land when read as UTF-8: Latin Extended-B and IPA to Arabic (U+0180–U+07FF). */
const ODD_RUN = /[\u0180-\u07FF]{2,}/g;
const CJK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/g;
/** Script blocks within that range: a real word keeps to one, GBK read as UTF-8 hops between them. */
const BLOCK_STARTS = [0x0180, 0x0250, 0x02b0, 0x0300, 0x0370, 0x0400, 0x0530, 0x0590, 0x0600];

function blockOf(code: number): number {
  let b = 0;
  while (b + 1 < BLOCK_STARTS.length && code >= BLOCK_STARTS[b + 1]) b++;
  return b;
}

/**
 * GBK bytes are sometimes valid UTF-8 too ('一为要时' D2BB CEAA D2AA CAB1 reads as 'һΪҪʱ'): read as
 * UTF-8, such a file is silently garbled. When the UTF-8 reading holds runs that hop between
 * scripts (Cyrillic, Greek, IPA in one word: no language writes so) and the GB18030 reading of the
 * same bytes is cleanly Chinese, say so. A Russian or Greek file keeps to one script per word.
 */
function gbkLookalike(bytes: Uint8Array, utf8: string): string | undefined {
  const mixed = (utf8.match(ODD_RUN) ?? []).filter((run) => new Set([...run].map((ch) => blockOf(ch.charCodeAt(0)))).size > 1);
  if (mixed.length === 0) return undefined;
  const gbk = new TextDecoder('gb18030').decode(bytes);
  if (gbk.includes(REPLACEMENT) || (gbk.match(CJK)?.length ?? 0) === 0) return undefined;
  return `read as UTF-8, but ${mixed.length} run(s) of characters such as '${mixed[0]}' look like GBK Chinese read as UTF-8; if the file is Chinese, set "encoding": "gbk" for it in bundle.json`;
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
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const note = encoding === undefined ? gbkLookalike(bytes, text) : undefined;
    return note === undefined ? { text, encoding: 'utf-8' } : { text, encoding: 'utf-8', note };
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
