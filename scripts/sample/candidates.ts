/**
 * Candidate sites: premises drawn from the gazetteer, written the way people type addresses
 * (abbreviated street types and directions, upper case, stray punctuation and spaces), with a
 * monthly rent that rises toward the centres and a floor area. A few (UNMATCHED_CANDIDATES)
 * carry house numbers that no gazetteer entry has, so loaders must reject them.
 */
import { densityAt, type Centre } from './city.ts';
import type { Rng } from './prng.ts';
import type { AddressPoint, Direction } from './streets.ts';

export const CANDIDATE_COUNT = 2_000;
export const UNMATCHED_CANDIDATES = 20;

export interface Candidate {
  id: string;
  address: string;
  rent: number;
  floor_area: number;
  visibility: number;
  /** Index of the gazetteer entry the address was made from; -1 for the deliberate unmatched ones. */
  truth: number;
}

const TYPE_ABBREVIATIONS: Record<string, string> = {
  Street: 'St', Avenue: 'Ave', Road: 'Rd', Boulevard: 'Blvd', Lane: 'Ln', Drive: 'Dr',
};
const DIRECTION_ABBREVIATIONS: Record<Direction, string> = {
  Northwest: 'NW', Northeast: 'NE', Southwest: 'SW', Southeast: 'SE',
};

/** One of the ways a person writes the same address; all normalise to the gazetteer's form. */
export function writtenAddress(a: AddressPoint, rng: Rng): string {
  const dir = a.direction;
  const roll = rng.next();
  if (roll < 0.5) return [a.number, a.stem, a.type, dir].filter(Boolean).join(' ');
  if (roll < 0.7) return [a.number, a.stem, TYPE_ABBREVIATIONS[a.type], dir && DIRECTION_ABBREVIATIONS[dir]].filter(Boolean).join(' ');
  if (roll < 0.8) {
    const d = dir ? ` ${DIRECTION_ABBREVIATIONS[dir].split('').join('.')}.` : '';
    return `${a.number} ${a.stem} ${TYPE_ABBREVIATIONS[a.type]}.${d}`;
  }
  if (roll < 0.9) return [a.number, a.stem, a.type, dir].filter(Boolean).join(' ').toUpperCase();
  return `${a.number},  ${a.stem.toLowerCase()} ${a.type.toLowerCase()}${dir ? `, ${dir.toLowerCase()}` : ''} `;
}

export function makeCandidates(rng: Rng, addresses: readonly AddressPoint[], centres: readonly Centre[]): Candidate[] {
  const chosen = new Set<number>();
  while (chosen.size < CANDIDATE_COUNT - UNMATCHED_CANDIDATES) chosen.add(Math.floor(rng.next() * addresses.length));
  const picks = [...chosen];
  // Deliberate misses spread through the file: real streets, house numbers beyond any street's length.
  const misses = new Set<number>();
  while (misses.size < UNMATCHED_CANDIDATES) misses.add(rng.int(0, CANDIDATE_COUNT - 1));
  const out: Candidate[] = [];
  let p = 0;
  for (let i = 0; i < CANDIDATE_COUNT; i++) {
    const id = `C${String(i + 1).padStart(4, '0')}`;
    const floorArea = Math.round(Math.min(1_200, Math.max(35, Math.exp(5.2 + 0.55 * rng.normal()))));
    const visibility = rng.int(1, 5);
    if (misses.has(i)) {
      const a = addresses[Math.floor(rng.next() * addresses.length)];
      out.push({ id, address: writtenAddress({ ...a, number: rng.int(9_000, 9_999) }, rng), rent: Math.round(floorArea * rng.range(60, 200) / 10) * 10, floor_area: floorArea, visibility, truth: -1 });
      continue;
    }
    const index = picks[p++];
    const a = addresses[index];
    const perSquareMetre = (50 + 300 * Math.min(1, densityAt(a.xy, centres))) * rng.range(0.75, 1.25);
    out.push({ id, address: writtenAddress(a, rng), rent: Math.round((floorArea * perSquareMetre) / 10) * 10, floor_area: floorArea, visibility, truth: index });
  }
  return out;
}
