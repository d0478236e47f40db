/**
 * How alike two streets are, in [0, 1]. Names are compared by optimal string alignment distance
 * (adjacent transpositions count as one edit): 1 − edits ÷ longer length, so one typo in "harbour"
 * leaves 6/7. Then the parts that name a different street: a different direction gives 0 (Pine
 * Street NW is not Pine Street SE), different digits give 0 (7th is not 8th), a different type
 * costs 30 % (Pine Street vs Pine Avenue), a type or direction on one side only costs 10 % / 20 %.
 */
import type { StreetParts } from './street-parts.ts';

/** Type on one side only ("Pine" vs "Pine Street"). */
export const TYPE_MISSING = 0.9;
/** Different types ("Pine Street" vs "Pine Avenue"): often a different street, sometimes a slip. */
export const TYPE_DIFFERENT = 0.7;
/** Direction on one side only ("Pine Street" vs "Pine Street Northwest"). */
export const DIRECTION_MISSING = 0.8;

export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = y.length;
  let before = new Int32Array(n + 1);
  let prev = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n];
}

export function stringSimilarity(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

function partFactor(q: string, c: string, missing: number, different: number): number {
  if (q === c) return 1;
  return q === '' || c === '' ? missing : different;
}

export function streetSimilarity(query: StreetParts, candidate: StreetParts): number {
  if (query.digits !== candidate.digits) return 0;
  const direction = partFactor(query.direction, candidate.direction, DIRECTION_MISSING, 0);
  if (direction === 0) return 0;
  let name = query.name;
  let type = partFactor(query.type, candidate.type, TYPE_MISSING, TYPE_DIFFERENT);
  // No type recognised in the query: its last word may be a misspelt one ("Pine Stret").
  const words = query.name.split(' ');
  if (query.type === '' && candidate.type !== '' && words.length > 1 && editDistance(words[words.length - 1], candidate.type) <= 1) {
    name = words.slice(0, -1).join(' ');
    type = 1 - 1 / candidate.type.length;
  }
  return stringSimilarity(name, candidate.name) * type * direction;
}
