/**
 * Scored units of one funnel level, columnar. Every score is explainable: per criterion the raw
 * value, the normalised value (0–1, 1 best, after the criterion's direction) and the weighted
 * contribution; the contributions of a unit sum to its score.
 */
import type { Direction, Normalisation } from '../scenario/criterion-spec.ts';
import type { Exclusion } from './not-kept.ts';
import type { OutsideReason } from './outside-study-area.ts';

export interface CriterionColumn {
  name: string;
  label: string;
  /** The weight as set (not rescaled). */
  weight: number;
  /** Per unit, the criterion's value in its own unit (people, outlets, metres …). */
  raw: Float64Array;
  /** Per unit, the value after normalisation and direction (0–1 for minmax, percentile, rank). */
  normalised: Float64Array;
  /** Per unit, the points this criterion adds to the score (the contributions sum to the score). */
  contribution: Float64Array;
  /** How `raw` became `normalised` (absent for context terms). */
  normalise?: Normalisation;
  direction?: Direction;
}

/** How `kept` is decided, kept so that a re-ranking can decide it again without the scenario. */
export interface KeepRule {
  topK?: number;
  minScore?: number;
  /** Units failing a constraint that does not depend on the ranking (rent, exclusion, distance to own). */
  eligible?: Uint8Array;
  /** At most this many kept per `group` value (e.g. the site's region). */
  perGroup?: { limit: number; group: Int32Array };
  /** Kept sites at least this many metres apart, best first (needs lon/lat). */
  minSpacing?: number;
}

export interface LevelResult {
  level: 'region' | 'district' | 'site';
  /** The units compared at this level (kept units of the level above only). */
  ids: string[];
  names: string[];
  lon?: Float64Array;
  lat?: Float64Array;
  /** Index into the level above, -1 none. */
  parent: Int32Array;
  /** 0–100. */
  score: Float64Array;
  /** 1-based, distinct; ties broken by id. */
  rank: Int32Array;
  /** 1 where the unit passes on to the next level (or the shortlist), else 0. */
  kept: Uint8Array;
  /** Per criterion (and context term), raw, normalised and contribution columns: the explanation of each score. */
  criteria: CriterionColumn[];
  combine?: 'sum' | 'geometric';
  keepRule?: KeepRule;
  /** Per unit, why it may not be kept ('' when eligible), in words (formatNotKept). */
  excludedBy?: string[];
  /** The same as values (null when eligible). */
  exclusions?: (Exclusion | null)[];
  /** Non-fatal notes from scoring this level on its own (scoreSites). */
  warnings?: string[];
}

export interface FunnelResult {
  regions: LevelResult;
  districts: LevelResult;
  sites: LevelResult;
  /** Non-fatal notes: criteria left out for a missing layer, units outside every polygon … */
  warnings?: string[];
  /** Candidates outside the study area, never compared (outside-study-area.ts), in layer order. */
  outside?: { ids: string[]; reasons: OutsideReason[]; index: number[] };
  /**
   * Candidates inside the study area that the funnel never reached: the district (or region) they lie
   * in was cut one or two levels up. Positions in the candidates layer (`index`), in `districts`
   * (-1: their district was not compared, its region being cut) and in `regions` (-1: none).
   */
  unreached?: { ids: string[]; index: Int32Array; district: Int32Array; region: Int32Array };
}
