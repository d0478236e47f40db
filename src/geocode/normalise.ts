/**
 * Address normalisation: one canonical spelling for the ways people write the same address.
 * Full-width forms become half-width (NFKC: ＡＢＣ１２３ → ABC123, ideographic space → space), Latin
 * accents and case are dropped, punctuation becomes spacing ("N.W." → "nw"), Han text is split
 * from digits ("深南大道1001號" → "深南大道 1001 号"), and street types, directions and ordinals
 * are spelled out (St → street, NW → northwest, First → 1st).
 */
import { CJK_VARIANTS, DIRECTIONS, OTHER_WORDS, STREET_TYPES } from './abbreviations.ts';

const HAN = /\p{Script=Han}/u;
/** Maps, not object look-ups: a street called "Constructor" must not find Object.prototype. */
const WORDS = new Map(Object.entries({ ...OTHER_WORDS, ...DIRECTIONS, ...STREET_TYPES }));
const COMPASS = new Set(Object.keys(DIRECTIONS));
const HAN_VARIANTS = new Map(Object.entries(CJK_VARIANTS));

function simplifyHan(s: string): string {
  let out = '';
  for (const ch of s) out += HAN_VARIANTS.get(ch) ?? ch;
  return out;
}

/** "st" is Saint before a name ("St Kilda Road"), Street at the end or before a direction. */
function expandSt(next: string | undefined): string {
  return next === undefined || COMPASS.has(next) || /^\d/.test(next) ? 'street' : 'saint';
}

/** Adjacent compass words join: "north west" → "northwest" (so "N. W." and "NW" agree). */
function joinCompass(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if ((prev === 'north' || prev === 'south') && (t === 'east' || t === 'west')) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/** Han runs become their own tokens so the house number can be found in 深南大道1001号. */
function separateHan(s: string): string {
  let spaced = '';
  let prevHan: boolean | null = null;
  for (const ch of s) {
    const isHan = HAN.test(ch);
    if (prevHan !== null && ch !== ' ' && isHan !== prevHan && spaced[spaced.length - 1] !== ' ') spaced += ' ';
    spaced += ch;
    prevHan = ch === ' ' ? null : isHan;
  }
  return spaced;
}

const NON_ASCII = /[^ -~\t\n\r]/;

export function normaliseTokens(address: string): string[] {
  // Most gazetteer rows are plain ASCII: skip the Unicode passes for them (3× faster to build).
  const unicode = NON_ASCII.test(address);
  let s = address;
  if (unicode) {
    s = s.normalize('NFKC');
    s = s.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
    s = simplifyHan(s.toLowerCase());
  } else {
    s = s.toLowerCase();
  }
  s = s.replace(/['’‘`´]/g, ''); // St. John's → st johns
  if (unicode) {
    s = s.replace(/(\p{L})\.(?=\p{L})/gu, '$1'); // n.w. → nw.
    s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  } else {
    s = s.replace(/([a-z])\.(?=[a-z])/g, '$1');
    s = s.replace(/[^a-z0-9]+/g, ' ');
  }
  const spaced = unicode ? separateHan(s) : s;
  const raw = spaced.split(' ').filter(Boolean);
  const expanded = raw.map((t, i) => {
    if (t === 'st') return expandSt(raw[i + 1]);
    return WORDS.get(t) ?? t;
  });
  return joinCompass(expanded);
}

export function normaliseAddress(address: string): string {
  return normaliseTokens(address).join(' ');
}
