/**
 * Chinese addresses: 省 / 市 / 区·县 / 镇·街道 / 路·街·大道 / 号. The gazetteer's own addresses are
 * parsed into their parts and indexed by street + number; a query is placed by its house number and
 * the longest known street that ends right before it, so a dropped or partial prefix ("深南大道9988号",
 * "南山区深南大道9988号") still finds 深圳市南山区深南大道9988号 — the gazetteer is the bundle's own
 * extent. The prefix words that remain are checked against the entry's province, city, district and
 * town (full or without their suffix: 深圳 for 深圳市); the explanation says which parts matched.
 * Full-width digits and traditional forms (號, 區, 路 …) are folded by NFKC and CJK_VARIANTS first.
 */
import { CJK_VARIANTS } from './abbreviations.ts';

export interface AdminParts {
  province: string;
  city: string;
  district: string;
  town: string;
}

export interface ChineseMatch {
  row: number;
  confidence: number;
  explanation: string;
}

const VARIANTS = new Map(Object.entries(CJK_VARIANTS));
const HAN = /\p{Script=Han}/u;
const LEVELS: [keyof AdminParts, string, RegExp][] = [
  ['province', '省', /^(.+?(?:省|自治区|特别行政区)|北京市|上海市|天津市|重庆市)/],
  ['city', '市', /^(.+?(?:市|自治州|盟|地区|州(?!市)))/],
  ['district', '区', /^(.+?(?:区|县|旗|市))/],
  ['town', '镇', /^(.+?(?:镇|乡|街道))/],
];
const NUMBER = /(\d+)(?:号|#)?/g;
const LABEL: Record<keyof AdminParts, string> = { province: 'province', city: 'city', district: 'district', town: 'town' };

/** One spelling: half-width digits, simplified forms, no spaces or punctuation. */
export function compactChinese(address: string): string {
  let out = '';
  for (const ch of address.normalize('NFKC').toLowerCase()) out += VARIANTS.get(ch) ?? ch;
  return out.replace(/[^\p{L}\p{N}#]+/gu, '');
}

export function isChinese(address: string): boolean {
  return HAN.test(address);
}

/** The last house number and the text before and after it, or null when there is none. */
function splitNumber(s: string): { before: string; number: string; after: string } | null {
  let last: RegExpExecArray | null = null;
  for (const m of s.matchAll(NUMBER)) if (m.index > 0 && HAN.test(s[m.index - 1])) last = m;
  if (last === null) return null;
  return { before: s.slice(0, last.index), number: last[1], after: s.slice(last.index + last[0].length) };
}

/** Admin parts read off the front of a full address, and the street left between them and the number. */
export function parseAdmin(before: string): { parts: AdminParts; street: string } {
  const parts: AdminParts = { province: '', city: '', district: '', town: '' };
  let rest = before;
  for (const [key, , re] of LEVELS) {
    const m = re.exec(rest);
    // A level is only taken when something is left for the street.
    if (m !== null && m[1].length < rest.length) {
      parts[key] = m[1];
      rest = rest.slice(m[1].length);
    }
  }
  return { parts, street: rest };
}

/** 深圳市 → [深圳市, 深圳]: the name with and without its level suffix. */
function spellings(name: string): string[] {
  const short = name.replace(/(特别行政区|自治区|自治州|街道|省|市|区|县|旗|镇|乡|州|盟)$/, '');
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

export class ChineseIndex {
  private readonly byStreetNumber = new Map<string, number[]>();
  private readonly streets = new Set<string>();
  private readonly parts: AdminParts[] = [];
  private longestStreet = 0;

  add(row: number, address: string): void {
    const split = splitNumber(compactChinese(address));
    if (split === null) return;
    const { parts, street } = parseAdmin(split.before);
    if (street === '') return;
    this.parts[row] = parts;
    this.streets.add(street);
    this.longestStreet = Math.max(this.longestStreet, street.length);
    const key = `${street}|${split.number}`;
    const list = this.byStreetNumber.get(key);
    if (list === undefined) this.byStreetNumber.set(key, [row]);
    else list.push(row);
  }

  get size(): number {
    return this.byStreetNumber.size;
  }

  match(address: string): ChineseMatch | null {
    const split = splitNumber(compactChinese(address));
    if (split === null) return null;
    const { before, number } = split;
    // The longest known street that ends right before the number.
    let street = '';
    for (let len = Math.min(this.longestStreet, before.length); len >= 2 && street === ''; len--) {
      const tail = before.slice(before.length - len);
      if (this.streets.has(tail) && this.byStreetNumber.has(`${tail}|${number}`)) street = tail;
    }
    if (street === '') return null;
    const rows = this.byStreetNumber.get(`${street}|${number}`) ?? [];
    const prefix = before.slice(0, before.length - street.length);
    const judged = rows.map((row) => this.judge(row, prefix));
    const bestScore = Math.max(...judged.map((j) => j.score));
    const best = judged.filter((j) => j.score === bestScore);
    const chosen = best[0];
    let confidence = chosen.leftover === '' ? (chosen.matched.length > 0 ? 0.95 : 0.9) : 0.7;
    if (best.length > 1) confidence /= best.length;
    const said = [`street ${street} and number ${number} matched`];
    if (chosen.matched.length > 0) said.push(`${chosen.matched.join(', ')} matched`);
    if (chosen.missing.length > 0) said.push(`${chosen.missing.join(', ')} not given`);
    if (chosen.leftover !== '') said.push(`'${chosen.leftover}' not recognised`);
    if (best.length > 1) said.push(`${best.length} entries fit equally`);
    return { row: chosen.row, confidence, explanation: said.join('; ') };
  }

  /** How well a candidate entry's admin parts explain the query's prefix. */
  private judge(row: number, prefix: string): { row: number; score: number; matched: string[]; missing: string[]; leftover: string } {
    const parts = this.parts[row];
    const matched: string[] = [];
    const missing: string[] = [];
    let rest = prefix;
    for (const [key] of LEVELS) {
      const name = parts[key];
      if (name === '') continue;
      const hit = spellings(name).find((s) => rest.startsWith(s));
      if (hit !== undefined) {
        matched.push(`${LABEL[key]} ${name}`);
        rest = rest.slice(hit.length);
      } else missing.push(LABEL[key]);
    }
    return { row, score: matched.length - (rest === '' ? 0 : 10), matched, missing, leftover: rest };
  }
}
