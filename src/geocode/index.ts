/**
 * Geocoding candidate addresses against a gazetteer layer (text.address + lon/lat). Exact match on
 * the normalised address first (confidence 1); otherwise fuzzy: the same house number is required,
 * and the street is compared part by part (similarity.ts) among the streets the trigram index offers.
 */
import type { PointLayer } from '../data/layer.ts';
import { localityWords, withoutLocality } from './locality.ts';
import { normaliseTokens } from './normalise.ts';
import { streetSimilarity } from './similarity.ts';
import { streetParts, type StreetParts } from './street-parts.ts';
import { splitAddress } from './split-address.ts';
import { TrigramIndex } from './trigram-index.ts';
import { ChineseIndex, isChinese } from './chinese-address.ts';

export { normaliseAddress } from './normalise.ts';

export interface GeocodeResult {
  lon: number;
  lat: number;
  method: 'exact' | 'fuzzy';
  confidence: number;
  matched: string;
  /** Which parts of the address matched (Chinese addresses: street, number, province, city …). */
  explanation?: string;
}
export interface Geocoder { geocode(address: string): GeocodeResult | null }

/** Below this street similarity a fuzzy match is not returned at all. */
export const MIN_STREET_SIMILARITY = 0.7;
/** Below this confidence (after the ambiguity penalty) there is no answer: a coin toss is not a place. */
export const MIN_FUZZY_CONFIDENCE = 0.5;
/** Streets ranked by trigrams that get the (slower) edit-distance comparison. */
const SHORTLIST = 30;
/** A runner-up street within this similarity of the best makes the match ambiguous. */
const AMBIGUITY_GAP = 0.1;

/**
 * Fuzzy confidence = street similarity, halved when a different street with the same number is
 * (nearly) as similar, scaled linearly in between: a clear winner keeps its similarity.
 */
export function fuzzyConfidence(best: number, runnerUp: number): number {
  const closeness = Math.max(0, 1 - (best - runnerUp) / AMBIGUITY_GAP);
  return best * (1 - 0.5 * closeness);
}

export function buildGeocoder(gazetteer: PointLayer): Geocoder {
  const addresses = gazetteer.text.address ?? [];
  const exact = new Map<string, number>();
  const chinese = new ChineseIndex();
  const streetIds = new Map<string, number>();
  const streets: string[] = [];
  const parts: StreetParts[] = [];
  const numbersByStreet: Map<string, number>[] = [];
  addresses.forEach((address, row) => {
    if (!address || !Number.isFinite(gazetteer.lon[row]) || !Number.isFinite(gazetteer.lat[row])) return;
    const tokens = normaliseTokens(address);
    const key = tokens.join(' ');
    if (!exact.has(key)) exact.set(key, row); // duplicates: the first row wins
    if (isChinese(address)) chinese.add(row, address);
    const { number, street, streetTokens } = splitAddress(tokens);
    let id = streetIds.get(street);
    if (id === undefined) {
      id = streets.length;
      streetIds.set(street, id);
      streets.push(street);
      parts.push(streetParts(streetTokens));
      numbersByStreet.push(new Map());
    }
    if (!numbersByStreet[id].has(number)) numbersByStreet[id].set(number, row);
  });
  // Index street names only: type and direction words ("street", "northwest") are in every other
  // street and would make every look-up touch them all; they are compared in streetSimilarity.
  const index = new TrigramIndex(parts.map((p) => p.name));
  const locality = localityWords(gazetteer);

  const result = (row: number, method: 'exact' | 'fuzzy', confidence: number, explanation?: string): GeocodeResult => ({
    lon: gazetteer.lon[row], lat: gazetteer.lat[row], method, confidence, matched: addresses[row], ...(explanation ? { explanation } : {}),
  });

  return {
    geocode(address: string): GeocodeResult | null {
      const written = normaliseTokens(address);
      if (written.length === 0) return null;
      const hit = exact.get(written.join(' '));
      if (hit !== undefined) return result(hit, 'exact', 1);
      const tokens = withoutLocality(written, locality);
      const bare = tokens.length < written.length ? exact.get(tokens.join(' ')) : undefined;
      if (bare !== undefined) return result(bare, 'exact', 1);
      if (chinese.size > 0 && isChinese(address)) {
        const m = chinese.match(address);
        if (m !== null && m.confidence >= MIN_FUZZY_CONFIDENCE) return result(m.row, 'fuzzy', m.confidence, m.explanation);
      }
      const { number, streetTokens } = splitAddress(tokens);
      const query = streetParts(streetTokens);
      const scored = index
        .search(query.name, SHORTLIST, (id) => numbersByStreet[id].has(number))
        .map((c) => ({ id: c.id, similarity: streetSimilarity(query, parts[c.id]) }))
        .sort((a, b) => b.similarity - a.similarity || a.id - b.id);
      const best = scored[0];
      if (!best || best.similarity < MIN_STREET_SIMILARITY) return null;
      const confidence = fuzzyConfidence(best.similarity, scored[1]?.similarity ?? 0);
      if (confidence < MIN_FUZZY_CONFIDENCE) return null;
      return result(numbersByStreet[best.id].get(number)!, 'fuzzy', confidence);
    },
  };
}
