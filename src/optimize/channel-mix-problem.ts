/**
 * Channel mix (合理配比): candidates that can each host one outlet of several types (full branch,
 * self-service, agent …), each type with its own cost, service radius and value; a budget; mix
 * rules. The model picks sites *and* their type. Objective: served demand weighted by the value of
 * the best outlet type within its radius of each demand point — a point within reach of a branch
 * (value 1) counts in full, one reached only by an ATM (value 0.3) counts 0.3 of its weight.
 */
import type { Points } from '../kernel/types.ts';
import type { FacilityCosts } from './problem.ts';

export interface ChannelType {
  name: string;
  /** Cost of opening one outlet of this type (same unit as the budget). */
  cost: number;
  /** Service radius in cost units (metres). */
  radius: number;
  /** Value per unit of demand weight served (the type's attractiveness; > 0). */
  value: number;
}

/** 'global': over every site; 'district': separately inside each district. */
export type MixScope = 'global' | 'district';

/** Rules count outlets of a type in the scope: existing own outlets plus the new ones. */
export type MixRule =
  /** min <= count(type) <= max. */
  | { rule: 'count'; type: string; min?: number; max?: number; scope: MixScope }
  /** At least `atLeast` of `type` for every `forEvery` of `of`: forEvery·count(type) >= atLeast·count(of). */
  | { rule: 'ratio'; type: string; atLeast: number; forEvery: number; of: string; scope: MixScope }
  /** count(type) <= max per `perResidents` residents of the scope (rounded down). */
  | { rule: 'density'; type: string; max: number; perResidents: number; scope: MixScope }
  /** A new outlet of `type` only within `within` metres of an outlet of type `of` (e.g. ATMs near a branch). */
  | { rule: 'near'; type: string; of: string; within: number };

export interface MixDistricts {
  /** District index per facility; -1 outside every district (no per-district rule applies). */
  of: Int32Array;
  names: string[];
  /** Residents per district (density rules). */
  residents: Float64Array;
}

export interface ChannelMixProblem {
  /** Demand × facility costs holding every pair within the largest type radius. */
  costs: FacilityCosts;
  types: ChannelType[];
  budget: number;
  /** Per facility: index of the type it already is (an own outlet: open, free), or -1 for a candidate. */
  existingType: Int32Array;
  /** Per facility × type (j·T + t): 1 when candidate j may host type t; absent = any type. */
  allowed?: Uint8Array;
  districts?: MixDistricts;
  /** Residents of the whole study area (global density rules); default Σ demand weights. */
  totalResidents?: number;
  rules: MixRule[];
  /** Facility coordinates (lon/lat), needed by 'near' rules. */
  locations?: Points;
}

/** One new outlet of the answer. */
export interface MixSite {
  id: string;
  index: number;
  type: string;
  cost: number;
  /** Demand weight within the type's radius of this site. */
  withinRadius: number;
  /** Objective lost if this outlet alone were not opened (what it brings beyond the others). */
  marginalValue: number;
  lon: number | null;
  lat: number | null;
}

/** Per type: how many, what they cost, and the demand for which it is the best type in reach. */
export interface MixTypeSummary {
  type: string;
  newOutlets: number;
  existingOutlets: number;
  cost: number;
  /** Demand weight whose best outlet in reach is of this type. */
  served: number;
  /** served × the type's value. */
  value: number;
}

export interface ChannelMixResult {
  method: 'milp' | 'greedy';
  exact: boolean;
  /** Σ over demand of weight × value of the best type in reach, existing outlets included. */
  objective: number;
  /** The same with the existing outlets alone: objective − baseline is what the new outlets bring. */
  baseline: number;
  /** Proven upper bound on the objective. */
  bound: number;
  gap: number;
  budget: number;
  spent: number;
  /** Demand weight within reach of some outlet, and the total. */
  served: number;
  totalDemand: number;
  sites: MixSite[];
  byType: MixTypeSummary[];
  status: string;
  notes: string[];
  seconds: number;
}
