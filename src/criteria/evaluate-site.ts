/**
 * The site form of each criterion kind over a set of sites: one raw column per criterion, or null
 * (with a reason) when the bundle lacks the layer the criterion needs.
 */
import type { PointLayer } from '../data/layer.ts';
import type { CriterionSpec, NetworkTravel } from '../scenario/criterion-spec.ts';
import { siteAccess, metroStations, stopWeights } from './access.ts';
import { siteAgglomeration, weightedPois } from './agglomeration.ts';
import { areaPopulation } from './areas.ts';
import { attributeColumn } from './attribute.ts';
import { siteCompetition } from './competition.ts';
import { byBrand, siteConcentration } from './concentration.ts';
import { siteCoverageGap } from './coverage-gap.ts';
import { siteDemand } from './demand.ts';
import { siteForecastNet } from './forecast-net.ts';
import { siteHuffWithPressure, type SiteHuffResult } from './huff.ts';
import type { BundleInputs } from './inputs.ts';
import { checkNetworkSpec, networkInputs } from './network-inputs.ts';
import { residentsPerOutlet, siteNetworkNorm } from './network-norm.ts';
import { allIndices, selectPoints } from './points.ts';
import { noOwnNetworkNote } from './no-own-network.ts';

/**
 * A raw column (with notes worth a warning: points that could not reach the street network), or
 * why there is none (`quiet`: by design, not worth a warning).
 */
export type Evaluated = { raw: Float64Array; notes?: string[] } | { missing: string; quiet?: boolean };

/** A computed column with one more note (when there is one). */
export function withNote(result: { raw: Float64Array; notes?: string[] }, note: string | undefined): Evaluated {
  return note === undefined ? result : { ...result, notes: [...(result.notes ?? []), note] };
}

/** Sites to score, and the district each lies in (-1 none). */
export interface SiteSet {
  sites: PointLayer;
  district: Int32Array;
}

export class SiteEvaluator {
  private readonly huffMemo = new Map<string, Promise<SiteHuffResult>>();

  private readonly overNetwork = new Map<BundleInputs, SiteEvaluator>();
  private readonly reported = new Set<string>();

  /** `straightOnly`: this evaluator already runs over a network kernel (see evaluateOverNetwork). */
  constructor(private readonly inputs: BundleInputs, private readonly set: SiteSet, private readonly straightOnly = false) {}

  async evaluate(spec: CriterionSpec): Promise<Evaluated> {
    if (!this.straightOnly && 'travel' in spec && spec.travel?.metric === 'network') return this.evaluateOverNetwork(spec, spec.travel);
    return this.evaluateHere(spec);
  }

  /** The same criterion with the network kernel: distances become travel costs in the criterion's unit. */
  private async evaluateOverNetwork(spec: CriterionSpec, travel: NetworkTravel): Promise<Evaluated> {
    checkNetworkSpec(spec, travel);
    const net = await networkInputs(this.inputs, travel);
    let evaluator = this.overNetwork.get(net.inputs);
    if (!evaluator) {
      evaluator = new SiteEvaluator(net.inputs, this.set, true);
      this.overNetwork.set(net.inputs, evaluator);
    }
    const result = await evaluator.evaluate(spec);
    if (!('raw' in result)) return result;
    const notes = net.kernel.unsnapped
      .map((u) => `${u.points} of ${u.of} points lie farther than ${this.inputs.scenario.travel?.snapLimit ?? 500} m from every street of the ${travel.profile} network and are out of reach (sites among them get no value)`)
      .filter((note) => !this.reported.has(note));
    for (const note of notes) this.reported.add(note);
    return notes.length > 0 ? { raw: result.raw, notes } : result;
  }

  private async evaluateHere(spec: CriterionSpec): Promise<Evaluated> {
    const { bundle, kernel, signal } = this.inputs;
    const { sites } = this.set;
    const who = `criterion "${spec.id}"`;
    switch (spec.kind) {
      case 'demand':
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        return { raw: await siteDemand(kernel, sites, this.inputs.demand(spec.column, who, spec.times), spec, signal) };
      case 'competition': {
        if (!bundle.competitors) return { missing: 'the bundle has no competitors layer' };
        const { points, index } = this.inputs.competitors(spec, spec.weightByAttractiveness);
        if (spec.measure === 'concentration') {
          const brand = Array.from(index, (i) => bundle.competitors!.text.brand?.[i] ?? '');
          return { raw: await siteConcentration(kernel, sites, byBrand(points, brand), spec, signal) };
        }
        const { count, nearest } = await siteCompetition(kernel, sites, points, spec, signal);
        return { raw: spec.measure === 'nearest' ? nearest : count };
      }
      case 'huff_share': {
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        const huff = await this.huff(spec, spec.column, who);
        return { raw: spec.measure === 'net_gain' ? huff.netGain : huff.capture };
      }
      case 'cannibalisation':
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        return withNote({ raw: (await this.huff(spec, spec.column, who)).cannibalisation }, noOwnNetworkNote(spec.kind, bundle));
      case 'agglomeration': {
        if (!bundle.pois) return { missing: 'the bundle has no pois layer' };
        const { points } = weightedPois(bundle.pois, spec);
        return { raw: await siteAgglomeration(kernel, sites, points, spec, signal) };
      }
      case 'access': {
        if (!bundle.transit) return { missing: 'the bundle has no transit layer' };
        const stops = { lon: bundle.transit.lon, lat: bundle.transit.lat, weight: stopWeights(bundle.transit, spec) };
        const access = await siteAccess(kernel, sites, stops, metroStations(bundle.transit), spec, signal);
        return { raw: spec.measure === 'nearest_metro' ? access.nearestMetro : access.stops };
      }
      case 'coverage_gap':
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        return withNote({ raw: await siteCoverageGap(kernel, sites, this.inputs.demand(spec.column, who), this.inputs.ownGroups(spec.distance), spec, signal) }, noOwnNetworkNote(spec.kind, bundle));
      case 'network_norm': {
        const { districts, demand } = bundle;
        if (!districts) return { missing: 'the bundle has no districts layer' };
        const demandWeight = demand ? this.inputs.demand(spec.column, who).weight : new Float64Array(0);
        const population = areaPopulation(districts, this.inputs.pointArea('demand', 'district'), demandWeight);
        const counted = this.countedOutlets(spec.types);
        const perOutlet = residentsPerOutlet(population, this.inputs.pointArea('network', 'district'), counted, spec.afterOpening ? 1 : 0);
        return { raw: siteNetworkNorm(this.set.district, perOutlet) };
      }
      case 'attribute':
        return { raw: attributeColumn(sites, spec.column, who) };
      case 'forecast_net':
        return siteForecastNet(this.inputs, sites, spec.measure);
    }
  }

  /** 1 for each own outlet of a counted type, else 0. */
  private countedOutlets(types: string[] | undefined): Float64Array {
    const network = this.inputs.bundle.network;
    if (!network) return new Float64Array(0);
    const counted = new Float64Array(network.ids.length);
    const index = types?.length ? selectPoints(network, [{ column: 'type', include: types }]) : allIndices(network.ids.length);
    for (const i of index) counted[i] = 1;
    return counted;
  }

  private huff(filter: { brands?: string[]; excludeBrands?: string[] }, column: string, who: string): Promise<SiteHuffResult> {
    const key = JSON.stringify([filter.brands, filter.excludeBrands, column]);
    let result = this.huffMemo.get(key);
    if (!result) {
      const { kernel, signal } = this.inputs;
      const { sites } = this.set;
      const candidates = { lon: sites.lon, lat: sites.lat, weight: this.inputs.candidateAttractiveness(sites) };
      const demand = this.inputs.demand(column, who);
      result = this.inputs.pressures(filter, column, who).then((pressure) => siteHuffWithPressure(kernel, candidates, demand, pressure, this.inputs.huff, signal));
      this.huffMemo.set(key, result);
    }
    return result;
  }
}
