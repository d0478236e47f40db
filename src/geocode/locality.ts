/**
 * Place words after the street: "128 Harbour Rd, Fairside 518042" or "1400 K St NW, Washington,
 * DC 20005". Their vocabulary comes from the gazetteer's own locality columns (district, city,
 * postcode …), plus postcode-shaped numbers (5–6 digits); trailing tokens from it are dropped when
 * the whole address does not match as written.
 */
import type { PointLayer } from '../data/layer.ts';
import { normaliseTokens } from './normalise.ts';

export const LOCALITY_COLUMNS = ['district', 'city', 'town', 'suburb', 'county', 'state', 'postcode', 'zip', 'zipcode', 'region'];

const POSTCODE = /^\d{5,6}$/;

export function localityWords(gazetteer: PointLayer): Set<string> {
  const words = new Set<string>();
  for (const column of LOCALITY_COLUMNS) {
    const values = gazetteer.text[column];
    if (!values) continue;
    const distinct = new Set(values);
    for (const v of distinct) for (const t of normaliseTokens(v)) words.add(t);
  }
  return words;
}

/**
 * `tokens` without trailing locality words; the house number (first digit token) and at least one
 * word after it are always kept, so "12 Fairside" (a street named like a district) survives.
 */
export function withoutLocality(tokens: readonly string[], words: ReadonlySet<string>): string[] {
  const numberAt = tokens.findIndex((t) => /^\d/.test(t));
  const keep = Math.max(numberAt + 2, 1);
  let end = tokens.length;
  while (end > keep && (words.has(tokens[end - 1]) || POSTCODE.test(tokens[end - 1]))) end--;
  return tokens.slice(0, end);
}
