/**
 * The bundle door: demand points (weight = population) × candidates (the bundle's, or a lattice),
 * with the own network appended as fixed facilities (expansion planning), great-circle distances.
 * Coverage and Huff models keep only pairs within their radius (sparse: this is what lets a
 * million demand points through); p-median/p-center take every pair.
 */
import { BundleError, UsageError } from '../errors.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import type { Points } from '../kernel/types.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { resolveFixed } from './from-cost-matrix.ts';
import { demandLattice } from './lattice.ts';
import { allPairs, pairsWithinRadius, type SparsePairs } from './pairs-within-radius.ts';
import type { FacilityCosts, HuffShareInputs, ModelName, OptimizeProblem } from './problem.ts';

export interface BundleProblemOptions {
  model: ModelName;
  p?: number;
  /** Coverage radius (mclp, lscp), Huff cut-off (huff); defaults from the scenario. */
  radius?: number;
  scenario?: Scenario;
  /** Facilities to choose from; default the bundle's candidates, else a lattice. */
  candidates?: PointLayer;
  /** Lattice spacing in metres when there are no candidates (default: scenario, else 500). */
  latticeSpacing?: number;
  /** Append the own network as fixed open facilities, ids prefixed 'own:' (default true). */
  includeNetwork?: boolean;
  /** Further candidate ids to keep open. */
  fixed?: string[];
  signal?: AbortSignal;
  /**
   * Demand–facility costs within a radius (Infinity: every reachable pair), in place of
   * great-circle metres: e.g. network travel from src/network/network-pairs.ts.
   */
  pairs?: (demand: Points, facilities: Points, radius: number) => SparsePairs;
}

/** Every pair is held in memory (12 bytes each): 40 M pairs is about 480 MB. */
const MAX_DENSE_PAIRS = 40_000_000;

const HUFF_DEFAULTS = { alpha: 1, beta: 2, cutoff: 5000, floor: 50 };

function concat(a: Points, b: Points | undefined): Points {
  if (!b) return a;
  const lon = new Float64Array(a.lon.length + b.lon.length);
  const lat = new Float64Array(lon.length);
  lon.set(a.lon); lon.set(b.lon, a.lon.length);
  lat.set(a.lat); lat.set(b.lat, a.lat.length);
  return { lon, lat };
}

function demandWeights(demand: PointLayer): Float64Array {
  const col = demand.numeric.population ?? demand.numeric.weight;
  return Float64Array.from(demand.ids, (_, i) => (col ? (Number.isFinite(col[i]) && col[i] > 0 ? col[i] : 0) : 1));
}

function attractivenessOf(layer: PointLayer, fallback: (i: number) => number, alpha: number): Float64Array {
  const a = layer.numeric.attractiveness;
  return Float64Array.from(layer.ids, (_, i) => Math.pow(a && a[i] > 0 ? a[i] : fallback(i), alpha));
}

function huffInputs(bundle: LoadedBundle, demand: Points, candidates: PointLayer, network: PointLayer | undefined, scenario: Scenario | undefined, cutoff: number, signal?: AbortSignal, within?: BundleProblemOptions['pairs']): HuffShareInputs {
  const h = scenario?.huff ?? HUFF_DEFAULTS;
  const types = scenario?.outletTypes ?? {};
  const candidateA = types[scenario?.candidateType ?? 'branch']?.attractiveness ?? 1;
  const cand = Float64Array.from(candidates.ids, () => Math.pow(candidateA, h.alpha));
  const own = network ? attractivenessOf(network, (i) => types[network.text.type?.[i] ?? '']?.attractiveness ?? 1, h.alpha) : new Float64Array(0);
  const attractiveness = new Float64Array(cand.length + own.length);
  attractiveness.set(cand); attractiveness.set(own, cand.length);
  const competitorPressure = new Float64Array(demand.lon.length);
  const comp = bundle.competitors;
  if (comp) {
    const a = attractivenessOf(comp, () => 1, h.alpha);
    const pairs = within ? within(demand, comp, cutoff) : pairsWithinRadius(demand, comp, cutoff, signal);
    for (let k = 0; k < comp.ids.length; k++) {
      for (let t = pairs.start[k]; t < pairs.start[k + 1]; t++) competitorPressure[pairs.demand[t]] += a[k] * Math.pow(Math.max(pairs.cost[t], h.floor), -h.beta);
    }
  }
  return { attractiveness, competitorPressure, beta: h.beta, floor: h.floor };
}

export function problemFromBundle(bundle: LoadedBundle, opts: BundleProblemOptions): OptimizeProblem {
  const demand = bundle.demand;
  if (!demand || demand.ids.length === 0) throw new BundleError(bundle.name, `bundle '${bundle.name}' has no demand points; add a demand layer to its manifest`);
  const { model, scenario } = opts;
  const spacing = opts.latticeSpacing ?? scenario?.funnel.latticeSpacing ?? 500;
  const candidates = opts.candidates ?? bundle.candidates ?? demandLattice(demand, spacing);
  const network = opts.includeNetwork === false ? undefined : bundle.network;
  const facilities = concat(candidates, network);
  const facilityIds = [...candidates.ids, ...(network?.ids.map((id) => `own:${id}`) ?? [])];
  const n = demand.ids.length;
  const m = facilityIds.length;
  const typeRadius = scenario ? scenario.outletTypes[scenario.candidateType]?.radius : undefined;
  const radius = opts.radius ?? (model === 'huff' ? (scenario?.huff.cutoff ?? HUFF_DEFAULTS.cutoff) : model === 'mclp' || model === 'lscp' ? typeRadius : undefined);
  if ((model === 'mclp' || model === 'lscp') && radius === undefined) throw new UsageError(`the ${model} model needs a radius: give --radius METRES or a scenario whose candidate type has one`);
  let pairs;
  if (opts.pairs) pairs = opts.pairs(demand, facilities, radius !== undefined && model !== 'pmedian' && model !== 'pcenter' ? radius : Infinity);
  else if (radius !== undefined && model !== 'pmedian' && model !== 'pcenter') pairs = pairsWithinRadius(demand, facilities, radius, opts.signal, true);
  else if (n * m <= MAX_DENSE_PAIRS) pairs = allPairs(demand, facilities);
  else throw new UsageError(`${model} over ${n} demand points × ${m} facilities needs all ${n * m} demand–facility pairs, above the limit of ${MAX_DENSE_PAIRS}; use fewer candidates or aggregate demand (e.g. to districts)`);
  // Sparse pairs come in grid-cell order of demand (see SparsePairs.demandOrder): permute to match.
  const order = pairs.demandOrder;
  const permute = <T>(a: ArrayLike<T>): T[] => (order ? Array.from(order, (i) => a[i]) : Array.from(a));
  const weights = demandWeights(demand);
  const costs: FacilityCosts = {
    n, m, start: pairs.start, demand: pairs.demand, cost: pairs.cost,
    weights: order ? Float64Array.from(order, (i) => weights[i]) : weights,
    demandIds: order ? permute(demand.ids) : demand.ids,
    facilityIds,
  };
  const fixed = resolveFixed(opts.fixed, facilityIds);
  if (network) for (let k = 0; k < network.ids.length; k++) if (!fixed.includes(candidates.ids.length + k)) fixed.push(candidates.ids.length + k);
  const huff = model === 'huff' ? huffInputs(bundle, demand, candidates, network, scenario, radius ?? Infinity, opts.signal, opts.pairs) : undefined;
  if (huff && order) huff.competitorPressure = Float64Array.from(order, (i) => huff.competitorPressure[i]);
  return { model, costs, p: opts.p, radius, fixed, huff, locations: facilities };
}
