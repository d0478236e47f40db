/**
 * The contract of the distance kernels. Criteria call these; the kernels decide how (grid index,
 * workers, shared memory). All distances are haversine metres (EARTH_RADIUS_M); radius tests are
 * inclusive (d <= r).
 */
export interface Points {
  lon: Float64Array;
  lat: Float64Array;
}

export interface WeightedPoints extends Points {
  weight: Float64Array;
}

/** Distance decay f(d) of DESIGN §3. `radius` is the search radius the decay is used with. */
export type Decay =
  | { kind: 'uniform' }
  | { kind: 'exponential'; lambda: number }
  | { kind: 'power'; beta: number; floor: number }
  | { kind: 'linear' }
  | { kind: 'gaussian'; sigma: number };

export interface HuffParams {
  /** Outlets (and demand) beyond this distance are ignored, metres. */
  cutoff: number;
  /** Distance exponent β. */
  beta: number;
  /** Distances are floored at this many metres. */
  floor: number;
}

export interface HuffCandidateResult {
  /** Σ_i w_i · P_ic: demand the candidate captures. */
  capture: Float64Array;
  /** Demand the own network loses when the candidate opens (DESIGN §3). */
  cannibalisation: Float64Array;
}

export interface SiteKernel {
  /** For each query point: Σ weight_j · f(d_ij) over sources j with d_ij <= radius. */
  sumWithin(queries: Points, sources: WeightedPoints, radius: number, decay: Decay, signal?: AbortSignal): Promise<Float64Array>;
  /** For each query point: the distance to the nearest source (Infinity when there is none). */
  nearest(queries: Points, sources: Points, signal?: AbortSignal): Promise<Float64Array>;
  /**
   * For each demand point i: S_i = Σ_k a_k · max(d_ik, floor)^-β over outlets k with d_ik <= cutoff,
   * where `outlets.weight` already holds the attractiveness term a_k = A_k^α.
   */
  huffPressure(demand: Points, outlets: WeightedPoints, params: HuffParams, signal?: AbortSignal): Promise<Float64Array>;
  /**
   * For each candidate c (weight = its a_c = A_c^α), over demand i (weight = w_i) with d_ic <= cutoff,
   * t = a_c · max(d_ic, floor)^-β:
   *   capture_c = Σ w_i · t / (S_i + t)
   *   cannibalisation_c = Σ w_i · O_i · (1/S_i − 1/(S_i + t))   (0 where S_i = 0)
   * where S_i = total pressure (own + competitors) and O_i = own-network pressure.
   */
  huffCandidates(
    candidates: WeightedPoints,
    demand: WeightedPoints,
    totalPressure: Float64Array,
    ownPressure: Float64Array,
    params: HuffParams,
    signal?: AbortSignal,
  ): Promise<HuffCandidateResult>;
}
