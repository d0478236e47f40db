/**
 * The areal form of each criterion kind over the polygons of a level (regions or districts): a
 * density, a per-capita rate or a share (DESIGN §3), one raw column per criterion.
 */
import type { PolygonLayer } from '../data/layer.ts';
import type { CriterionSpec } from '../scenario/criterion-spec.ts';
import { arealAccess, stopWeights } from './access.ts';
import { arealAgglomeration, weightedPois } from './agglomeration.ts';
import { areaKm2, areaPopulation } from './areas.ts';
import { attributeColumn } from './attribute.ts';
import { arealOverlap } from './cannibalisation.ts';
import { arealCompetition } from './competition.ts';
import { arealConcentration } from './concentration.ts';
import { arealCoverageGap } from './coverage-gap.ts';
import { arealDemand } from './demand.ts';
import { withNote, type Evaluated } from './evaluate-site.ts';
import { noOwnNetworkNote } from './no-own-network.ts';
import { arealHuffShare } from './huff.ts';
import type { BundleInputs } from './inputs.ts';
import { checkNetworkSpec, networkInputs } from './network-inputs.ts';
import { residentsPerOutlet } from './network-norm.ts';
import { allIndices, selectPoints } from './points.ts';

export class ArealEvaluator {
  private readonly km2: Float64Array;

  constructor(private readonly inputs: BundleInputs, private readonly polygons: PolygonLayer, private readonly level: 'region' | 'district') {
    this.km2 = areaKm2(polygons);
  }

  /**
   * The inputs whose kernel measures this criterion's distances: over the street network when it
   * says so (a share of demand beyond 15 minutes' walk instead of beyond 1 km), else straight.
   */
  private async distanceInputs(spec: CriterionSpec): Promise<BundleInputs> {
    if (!('travel' in spec) || spec.travel?.metric !== 'network') return this.inputs;
    checkNetworkSpec(spec, spec.travel);
    return (await networkInputs(this.inputs, spec.travel)).inputs;
  }

  async evaluate(spec: CriterionSpec): Promise<Evaluated> {
    const { bundle } = this.inputs;
    const n = this.polygons.ids.length;
    const who = `criterion "${spec.id}"`;
    const demandArea = this.inputs.pointArea('demand', this.level);
    switch (spec.kind) {
      case 'demand': {
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        const { total, density } = arealDemand(demandArea, this.inputs.demand(spec.column, who, spec.times).weight, this.km2);
        return { raw: spec.areal === 'total' ? total : density };
      }
      case 'competition': {
        if (!bundle.competitors) return { missing: 'the bundle has no competitors layer' };
        const { points, index } = this.inputs.competitors(spec, spec.weightByAttractiveness);
        const inArea = this.inputs.pointArea('competitors', this.level);
        const competitorArea = Int32Array.from(index, (i) => inArea[i]);
        if (spec.measure === 'concentration') {
          const brand = Array.from(index, (i) => bundle.competitors!.text.brand?.[i] ?? '');
          return { raw: arealConcentration(competitorArea, brand, points.weight, n) };
        }
        return { raw: arealCompetition(competitorArea, points.weight, this.population()) };
      }
      case 'huff_share': {
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        const pressure = await (await this.distanceInputs(spec)).pressures(spec, spec.column, who);
        return { raw: arealHuffShare(demandArea, this.inputs.demand(spec.column, who).weight, pressure.own, pressure.total, n) };
      }
      case 'cannibalisation': {
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        const counts = await (await this.distanceInputs(spec)).tradeAreaCounts(spec.column, who);
        return withNote({ raw: arealOverlap(demandArea, this.inputs.demand(spec.column, who).weight, counts, n) }, noOwnNetworkNote(spec.kind, bundle));
      }
      case 'agglomeration': {
        if (!bundle.pois) return { missing: 'the bundle has no pois layer' };
        const { points, index } = weightedPois(bundle.pois, spec);
        const poiArea = Int32Array.from(index, (i) => this.inputs.pointArea('pois', this.level)[i]);
        return { raw: arealAgglomeration(poiArea, points.weight, this.km2) };
      }
      case 'access':
        if (!bundle.transit) return { missing: 'the bundle has no transit layer' };
        return { raw: arealAccess(this.inputs.pointArea('transit', this.level), stopWeights(bundle.transit, spec), this.km2) };
      case 'coverage_gap': {
        if (!bundle.demand) return { missing: 'the bundle has no demand layer' };
        const uncovered = await (await this.distanceInputs(spec)).uncovered(spec.distance, spec.column, who);
        return withNote({ raw: arealCoverageGap(demandArea, this.inputs.demand(spec.column, who).weight, uncovered, n) }, noOwnNetworkNote(spec.kind, bundle));
      }
      case 'network_norm': {
        const network = bundle.network;
        const counted = new Float64Array(network?.ids.length ?? 0);
        if (network) {
          const index = spec.types?.length ? selectPoints(network, [{ column: 'type', include: spec.types }]) : allIndices(network.ids.length);
          for (const i of index) counted[i] = 1;
        }
        const outletArea = this.inputs.pointArea('network', this.level);
        return { raw: residentsPerOutlet(this.population(spec.column), outletArea, counted, spec.afterOpening ? 1 : 0) };
      }
      case 'attribute':
        if (spec.areaColumn === undefined) return { missing: `attribute "${spec.column}" is a site-only criterion (no areaColumn)`, quiet: true };
        return { raw: attributeColumn(this.polygons, spec.areaColumn, who) };
      case 'forecast_net':
        return { missing: 'forecast_net is a site-only criterion', quiet: true };
    }
  }

  /** Residents per polygon (its population column, else the demand inside). */
  population(column = 'population'): Float64Array {
    const { bundle } = this.inputs;
    const demandWeight = bundle.demand?.numeric[column] ? this.inputs.demand(column, 'population').weight : new Float64Array(bundle.demand?.ids.length ?? 0);
    return areaPopulation(this.polygons, this.inputs.pointArea('demand', this.level), demandWeight);
  }
}
