/**
 * The one room every door leads to: a facility-location problem over a sparse cost structure.
 * Solvers see only these typed arrays; the doors (dense matrix, long-format table, bundle) check
 * their input and build one of these.
 */
import type { Highs } from 'highs';
import type { Points } from '../kernel/types.ts';

export const MODEL_NAMES = ['mclp', 'lscp', 'pmedian', 'pcenter', 'huff'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/**
 * Costs grouped by facility (CSR): facility j reaches demand `demand[k]` at cost `cost[k]` for
 * k in start[j]..start[j+1]. A pair that is absent is unreachable (infinite cost). Dense input
 * keeps every finite pair; bundle input keeps only pairs within a radius, which is what makes
 * million-point instances fit in memory.
 */
export interface FacilityCosts {
  /** Number of demand points (rows of the matrix). */
  n: number;
  /** Number of facilities (columns). */
  m: number;
  start: Int32Array;
  demand: Int32Array;
  cost: Float64Array;
  /** Demand weights, length n. */
  weights: Float64Array;
  demandIds: string[];
  facilityIds: string[];
}

/** Huff market-share inputs (DESIGN §3): utility u_ij = a_j · max(d_ij, floor)^-β for d_ij <= radius. */
export interface HuffShareInputs {
  /** a_j = A_j^α per facility, length m. */
  attractiveness: Float64Array;
  /** Σ competitors' utility at each demand point, length n (0 where none reaches). */
  competitorPressure: Float64Array;
  beta: number;
  floor: number;
}

export interface OptimizeProblem {
  model: ModelName;
  costs: FacilityCosts;
  /** New sites to open in addition to the fixed ones (mclp, pmedian, pcenter, huff). */
  p?: number;
  /** Service radius in cost units (metres): coverage for mclp/lscp, cut-off for huff. */
  radius?: number;
  /** Facility indices that are open whatever the solver decides (the own network). */
  fixed?: number[];
  huff?: HuffShareInputs;
  /**
   * Most demand weight each facility may serve (length m; Infinity = no limit): capacitated
   * p-median and MCLP. Demand then goes where capacity allows, not always to the nearest site.
   */
  capacity?: Float64Array;
  /** With capacities: all of a demand point's weight goes to one facility (else it may split). */
  singleSource?: boolean;
  /** Facility coordinates (lon/lat, length m) when the door knows them (the bundle door does). */
  locations?: Points;
}

/** One open facility of an answer, as a map draws it. */
export interface ChosenSite {
  id: string;
  /** Facility index in the problem. */
  index: number;
  /** Kept open whatever the solver decided (own outlet or --fixed), not chosen by it. */
  fixed: boolean;
  /** Coordinates when the problem has locations, else null. */
  lon: number | null;
  lat: number | null;
}

export const SOLVE_METHODS = ['milp', 'enumeration', 'lazy-greedy', 'local-search', 'greedy-cover', 'radius-search'] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];

export interface OptimizeResult {
  model: ModelName;
  method: SolveMethod;
  /** True when the objective is proved optimal (bound === objective within tolerance). */
  exact: boolean;
  /** Objective value: covered weight (mclp), site count (lscp), Σ w·d (pmedian), max d (pcenter), share 0–1 (huff). */
  objective: number;
  /** Best proven bound on the optimum: upper for maximising models, lower for minimising ones. */
  bound: number;
  /** |bound − objective| / max(|objective|, 1e-9); 0 when exact. */
  gap: number;
  /** Open facility indices, fixed ones included, ascending. */
  selected: number[];
  selectedIds: string[];
  /** The open facilities with their ids, fixed flag and coordinates: new sites first, then fixed ones. */
  sites: ChosenSite[];
  /** Demand-weighted share (0–100) within `radius` of an open facility; null without a radius. */
  coveragePct: number | null;
  /** Demand-weighted mean cost to the nearest open facility, over demand that reaches one. */
  meanDistance: number;
  /** Largest cost from a demand point to its nearest open facility (Infinity if one reaches none). */
  maxDistance: number;
  /** Solver status text (HiGHS model status, or how the heuristic ended). */
  status: string;
  notes: string[];
  seconds: number;
}

export interface OptimizeProgress {
  stage: string;
  fraction: number;
}

export interface OptimizeOptions {
  signal?: AbortSignal;
  onProgress?: (p: OptimizeProgress) => void;
  /** Wall-clock limit for the MILP solver, seconds (HiGHS `time_limit`). */
  timeLimit?: number;
  /** 'auto' (default): exact when the instance fits the limits in limits.ts, else heuristic. */
  method?: 'auto' | 'exact' | 'heuristic';
  /** MCLP heuristic: subgradient steps of the Lagrangian bound (default 60; more = tighter, slower). */
  boundSteps?: number;
  /** p-center: 'bisection' (default, a series of set-cover MILPs) or the one-shot 'assignment' MILP. */
  pcenterFormulation?: 'bisection' | 'assignment';
  /** How to load HiGHS (the page passes one that knows where highs.wasm is served). */
  loadSolver?: () => Promise<Highs>;
}
