/**
 * A normalised street split into its name, type and trailing direction ("pine street northwest" →
 * pine / street / northwest), so a fuzzy match can be forgiving about typos in the name yet strict
 * about the parts that make it a different street (Pine Street NW vs Pine Street SE, F vs I Street).
 */
import { DIRECTIONS, STREET_TYPES } from './abbreviations.ts';

export interface StreetParts {
  name: string;
  /** Canonical street type, '' when none is recognised. */
  type: string;
  /** Canonical trailing direction, '' when none. */
  direction: string;
  /** Digits in the name ("14th" → "14"): numbered streets must agree on them exactly. */
  digits: string;
}

const TYPES = new Set(Object.values(STREET_TYPES));
const COMPASS = new Set(Object.values(DIRECTIONS));

export function streetParts(tokens: readonly string[]): StreetParts {
  let end = tokens.length;
  const direction = end > 1 && COMPASS.has(tokens[end - 1]) ? tokens[--end] : '';
  const type = end > 1 && TYPES.has(tokens[end - 1]) ? tokens[--end] : '';
  const name = tokens.slice(0, end).join(' ');
  return { name, type, direction, digits: name.replace(/\D+/g, ' ').trim() };
}
