/**
 * Turns raw criterion columns into a scored, ranked, explained level: direction → normalisation →
 * weighted combination → rank (ties by id) → kept.
 */
import type { Direction, Normalisation } from '../scenario/criterion-spec.ts';
import type { Combine } from './combine.ts';
import { applyDirection } from './direction.ts';
import { explainScores, type ColumnBase } from './explained.ts';
import { decideKept } from './keep.ts';
import { normalise } from './normalise.ts';
import { sorterFor } from './rerank.ts';
import type { Exclusion } from './not-kept.ts';
import type { KeepRule, LevelResult } from './types.ts';

export interface RawCriterion {
  name: string;
  label: string;
  weight: number;
  raw: Float64Array;
  normalise: Normalisation;
  direction: Direction;
}

/** A context term (a parent level's score, 0–100) enters as score / 100; no parent → 0. */
export interface ContextTerm {
  name: string;
  label: string;
  weight: number;
  raw: Float64Array;
}

/** A context term's 0–1 value: the parent's score / 100, no parent → 0. */
export function contextNormalised(raw: Float64Array): Float64Array {
  return raw.map((s) => (Number.isFinite(s) ? s / 100 : 0));
}

export interface LevelInput {
  level: LevelResult['level'];
  ids: string[];
  names: string[];
  lon?: Float64Array;
  lat?: Float64Array;
  parent: Int32Array;
  criteria: RawCriterion[];
  context?: ContextTerm[];
  combine: Combine;
  keepRule: KeepRule;
  excludedBy?: string[];
  exclusions?: (Exclusion | null)[];
}

export function buildLevel(input: LevelInput): LevelResult {
  const n = input.ids.length;
  const columns: ColumnBase[] = input.criteria.map((c) => ({
    name: c.name,
    label: c.label,
    weight: c.weight,
    raw: c.raw,
    normalised: normalise(applyDirection(c.raw, c.direction), c.normalise),
    normalise: c.normalise,
    direction: c.direction,
  }));
  for (const term of input.context ?? []) {
    const normalised = contextNormalised(term.raw);
    columns.push({ name: term.name, label: term.label, weight: term.weight, raw: term.raw, normalised });
  }
  const { score, criteria } = explainScores(columns, input.combine, n);
  const rank = new Int32Array(n);
  const order = sorterFor(input.ids).rank(score, rank);
  const kept = decideKept(order, score, input.keepRule, input.lon, input.lat);
  const result: LevelResult = {
    level: input.level, ids: input.ids, names: input.names, parent: input.parent,
    score, rank, kept, criteria, combine: input.combine, keepRule: input.keepRule,
  };
  if (input.lon && input.lat) {
    result.lon = input.lon;
    result.lat = input.lat;
  }
  if (input.excludedBy) result.excludedBy = input.excludedBy;
  if (input.exclusions) result.exclusions = input.exclusions;
  return result;
}
