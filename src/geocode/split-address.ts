/**
 * Splits a normalised address into its house number and the rest (the street), so that fuzzy
 * matching can demand the same number and compare only streets. The number is the first token that
 * is digits with at most one letter after it ("128", "12a"); a "号" right after it belongs to it.
 */
export interface AddressParts {
  /** '' when the address has no house number. */
  number: string;
  street: string;
  streetTokens: string[];
}

const HOUSE_NUMBER = /^\d+[a-z]?$/;

export function splitAddress(tokens: readonly string[]): AddressParts {
  const at = tokens.findIndex((t) => HOUSE_NUMBER.test(t));
  if (at < 0) return { number: '', street: tokens.join(' '), streetTokens: [...tokens] };
  const skip = tokens[at + 1] === '号' ? 2 : 1;
  const streetTokens = [...tokens.slice(0, at), ...tokens.slice(at + skip)];
  return { number: tokens[at], street: streetTokens.join(' '), streetTokens };
}
