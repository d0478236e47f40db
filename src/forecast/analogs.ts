/**
 * Analog sites (Applebaum's analog method, "twin areas"): for each site, the k own outlets whose
 * catchment looks most alike, their observed values, and a second forecast independent of the
 * Huff model — the similarity-weighted mean of those values. The profile is the demand,
 * competitors (by attractiveness), POIs and transit stops within a radius, plus any named demand
 * columns summed within it; each feature is taken as log(1 + x) (catchment sums are skewed) and
 * standardised by the own outlets' mean and standard deviation. Similarity = 1/(1 + distance),
 * the distance being Euclidean over the standardised features divided by √(features).
 */
import { UsageError } from '../errors.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { weightColumn } from '../criteria/points.ts';
import { createKernel } from '../kernel/index.ts';
import type { SiteKernel, WeightedPoints } from '../kernel/types.ts';

export interface Analog {
  /** Index of the own outlet in the network layer. */
  outlet: number;
  id: string;
  similarity: number;
  observed: number;
}

export interface AnalogResult {
  /** Feature names of the profile, in order. */
  features: string[];
  /** Per site: its k analogs, most similar first. */
  analogs: Analog[][];
  /** Per site: Σ similarity·observed / Σ similarity over its analogs. */
  forecast: Float64Array;
}

export interface AnalogOptions {
  /** Network column of observed values [the "observed" role]. */
  observed?: string;
  k?: number;
  /** Catchment radius, metres [1000]. */
  radius?: number;
  /** Demand weight column [population]. */
  demandColumn?: string;
  /** More demand columns summed within the radius (income, households …). */
  demandColumns?: string[];
  kernel?: SiteKernel;
  signal?: AbortSignal;
}

/**
 * The pure core: profiles are row-major (points × features). Own outlets without an observed value
 * (NaN) are not analogs. Features with no spread over the own outlets are ignored.
 */
export function analogsFromProfiles(own: Float64Array, observed: Float64Array, sites: Float64Array, features: number, k: number, ids: string[]): { analogs: Analog[][]; forecast: Float64Array } {
  const m = observed.length;
  const n = sites.length / features;
  const mean = new Float64Array(features), sd = new Float64Array(features);
  for (let f = 0; f < features; f++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += own[j * features + f];
    mean[f] = sum / m;
    let sq = 0;
    for (let j = 0; j < m; j++) sq += (own[j * features + f] - mean[f]) ** 2;
    sd[f] = Math.sqrt(sq / Math.max(m - 1, 1));
  }
  const used = Array.from({ length: features }, (_, f) => f).filter((f) => sd[f] > 0);
  const candidates = Array.from({ length: m }, (_, j) => j).filter((j) => Number.isFinite(observed[j]));
  const analogs: Analog[][] = [];
  const forecast = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const scored = candidates.map((j) => {
      let d2 = 0;
      for (const f of used) d2 += ((sites[c * features + f] - own[j * features + f]) / sd[f]) ** 2;
      const distance = used.length > 0 ? Math.sqrt(d2 / used.length) : 0;
      return { outlet: j, id: ids[j], similarity: 1 / (1 + distance), observed: observed[j] };
    });
    scored.sort((a, b) => b.similarity - a.similarity || a.outlet - b.outlet);
    const best = scored.slice(0, k);
    let weight = 0, sum = 0;
    for (const a of best) { weight += a.similarity; sum += a.similarity * a.observed; }
    analogs.push(best);
    forecast[c] = weight > 0 ? sum / weight : NaN;
  }
  return { analogs, forecast };
}

async function profile(kernel: SiteKernel, points: PointLayer, layers: { name: string; sources: WeightedPoints }[], radius: number, signal?: AbortSignal): Promise<Float64Array> {
  const n = points.ids.length, features = layers.length;
  const out = new Float64Array(n * features);
  for (let f = 0; f < features; f++) {
    const sums = await kernel.sumWithin(points, layers[f].sources, radius, { kind: 'uniform' }, signal);
    for (let i = 0; i < n; i++) out[i * features + f] = Math.log1p(Math.max(sums[i], 0));
  }
  return out;
}

/** The bundle door: analogs of `sites` (default: the candidates) among the own outlets. */
export async function analogs(bundle: LoadedBundle, sites?: PointLayer, options: AnalogOptions = {}): Promise<AnalogResult> {
  const network = bundle.network;
  const layer = sites ?? bundle.candidates;
  if (!network) throw new UsageError('analog sites need the bundle\'s network layer with observed values');
  if (!layer) throw new UsageError('no sites to find analogs for: the bundle has no candidates layer');
  const observedName = options.observed ?? 'observed';
  const observed = network.numeric[observedName];
  if (!observed) throw new UsageError(`the network layer has no numeric column "${observedName}" (it has: ${Object.keys(network.numeric).join(', ') || 'none'}); name the observed column`);
  const who = 'analog sites';
  const layers: { name: string; sources: WeightedPoints }[] = [];
  const ones = (p: PointLayer): WeightedPoints => ({ lon: p.lon, lat: p.lat, weight: new Float64Array(p.ids.length).fill(1) });
  if (bundle.demand) {
    for (const column of [options.demandColumn ?? 'population', ...(options.demandColumns ?? [])]) {
      layers.push({ name: `demand ${column}`, sources: { lon: bundle.demand.lon, lat: bundle.demand.lat, weight: weightColumn(bundle.demand, column, who) } });
    }
  }
  if (bundle.competitors) {
    const a = bundle.competitors.numeric.attractiveness;
    layers.push({ name: 'competitors', sources: a ? { lon: bundle.competitors.lon, lat: bundle.competitors.lat, weight: a.map((v) => (Number.isFinite(v) ? v : 1)) } : ones(bundle.competitors) });
  }
  if (bundle.pois) layers.push({ name: 'pois', sources: ones(bundle.pois) });
  if (bundle.transit) layers.push({ name: 'transit stops', sources: ones(bundle.transit) });
  if (layers.length === 0) throw new UsageError('analog sites need at least one of the demand, competitors, pois or transit layers to describe a catchment');
  const kernel = options.kernel ?? createKernel();
  const radius = options.radius ?? 1000;
  const ownProfile = await profile(kernel, network, layers, radius, options.signal);
  const siteProfile = await profile(kernel, layer, layers, radius, options.signal);
  const usable = observed.map((v) => (v >= 0 ? v : NaN));
  const result = analogsFromProfiles(ownProfile, usable, siteProfile, layers.length, options.k ?? 5, network.ids);
  return { features: layers.map((l) => `${l.name} within ${radius} m`), ...result };
}
