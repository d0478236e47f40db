/**
 * The bundle's points as the criteria need them, derived once per bundle and scenario and shared by
 * every criterion and level: demand weights, own outlets with their type's attractiveness and
 * radius, filtered competitors, Huff pressures, coverage and trade-area counts.
 */
import type { BundleLinks } from '../data/link-bundle.ts';
import type { Database } from '../db/database.ts';
import type { LayerName, LoadedBundle, PointLayer } from '../data/layer.ts';
import type { SiteKernel, WeightedPoints } from '../kernel/types.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { OutletGroup } from './cannibalisation.ts';
import { tradeAreaCounts } from './cannibalisation.ts';
import { uncoveredMask } from './coverage-gap.ts';
import { huffPressures, type HuffModel } from './huff.ts';
import { allIndices, columnOr, selectPoints, subset, weightColumn } from './points.ts';

const EMPTY: WeightedPoints = { lon: new Float64Array(0), lat: new Float64Array(0), weight: new Float64Array(0) };
/** Radius and attractiveness of an own outlet whose type the scenario does not list. */
const UNKNOWN_TYPE = { radius: 2000, attractiveness: 1 };

export interface BrandFilter {
  brands?: string[];
  excludeBrands?: string[];
  types?: string[];
}

export class BundleInputs {
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly bundle: LoadedBundle,
    readonly scenario: Scenario,
    readonly links: BundleLinks,
    readonly kernel: SiteKernel,
    readonly signal?: AbortSignal,
    /** Runs the scenario's SQL filter (constraints.filter). */
    readonly database?: Database,
  ) {}

  get huff(): HuffModel {
    return this.scenario.huff;
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** Demand points weighted by `column`, times a second column when given (population × income). */
  demand(column: string, who: string, times?: string): WeightedPoints {
    return this.once(`demand:${column}:${times ?? ''}`, () => {
      const layer = this.bundle.demand!;
      const weight = weightColumn(layer, column, who);
      if (times !== undefined) {
        const factor = weightColumn(layer, times, who);
        for (let i = 0; i < weight.length; i++) weight[i] *= factor[i];
      }
      return { lon: layer.lon, lat: layer.lat, weight };
    });
  }

  /** Own outlets, weight = A = type attractiveness × the outlet's attractiveness column (missing → 1). */
  own(): WeightedPoints {
    return this.once('own', () => {
      const layer = this.bundle.network;
      if (!layer) return EMPTY;
      const type = layer.text.type ?? [];
      const own = columnOr(layer, 'attractiveness', 1);
      const weight = own.map((a, i) => a * this.outletType(type[i] ?? '').attractiveness);
      return subset(layer, allIndices(layer.ids.length), weight);
    });
  }

  /** The scenario's settings for an outlet type (case and surrounding spaces ignored). */
  outletType(type: string): { radius: number; attractiveness: number } {
    const wanted = type.trim().toLowerCase();
    const found = Object.entries(this.scenario.outletTypes).find(([name]) => name.toLowerCase() === wanted);
    return found?.[1] ?? UNKNOWN_TYPE;
  }

  /**
   * The planned outlet's attractiveness A_c: the site's own `attractiveness` value where it has one,
   * else the attractiveness of the scenario's candidate type (outletTypes[candidateType]). One or
   * the other, never their product.
   */
  candidateAttractiveness(sites: PointLayer): Float64Array {
    return columnOr(sites, 'attractiveness', this.outletType(this.scenario.candidateType).attractiveness);
  }

  /** Own outlets grouped by type, each with its radius (or `distance` for all when given). */
  ownGroups(distance?: number): OutletGroup[] {
    return this.once(`groups:${distance ?? ''}`, () => {
      const layer = this.bundle.network;
      if (!layer) return [];
      const type = layer.text.type ?? [];
      const byType = new Map<string, number[]>();
      for (let i = 0; i < layer.ids.length; i++) {
        const t = (type[i] ?? '').trim();
        const list = byType.get(t) ?? [];
        list.push(i);
        byType.set(t, list);
      }
      return [...byType].map(([t, index]) => ({ points: subset(layer, Int32Array.from(index)), radius: distance ?? this.outletType(t).radius }));
    });
  }

  /** Competitors passing the brand/type filter, with their index into the layer; weight = A (or 1). */
  competitors(filter: BrandFilter, byAttractiveness: boolean): { points: WeightedPoints; index: Int32Array } {
    const key = `competitors:${JSON.stringify([filter.brands, filter.excludeBrands, filter.types, byAttractiveness])}`;
    return this.once(key, () => {
      const layer = this.bundle.competitors;
      if (!layer) return { points: EMPTY, index: new Int32Array(0) };
      const index = selectPoints(layer, [
        { column: 'brand', include: filter.brands, exclude: filter.excludeBrands },
        { column: 'type', include: filter.types },
      ]);
      const weight = byAttractiveness ? columnOr(layer, 'attractiveness', 1) : undefined;
      return { points: subset(layer, index, weight), index };
    });
  }

  /** Own (O_i) and total (S_i) Huff pressure on every demand point. */
  pressures(filter: BrandFilter, column: string, who: string): Promise<{ own: Float64Array; total: Float64Array }> {
    return this.once(`pressure:${column}:${JSON.stringify([filter.brands, filter.excludeBrands])}`, () =>
      huffPressures(this.kernel, this.demand(column, who), this.own(), this.competitors(filter, true).points, this.huff, this.signal));
  }

  uncovered(distance: number | undefined, column: string, who: string): Promise<Uint8Array> {
    return this.once(`uncovered:${distance ?? ''}`, () => uncoveredMask(this.kernel, this.demand(column, who), this.ownGroups(distance), this.signal));
  }

  tradeAreaCounts(column: string, who: string): Promise<Float64Array> {
    return this.once('tradeAreas', () => tradeAreaCounts(this.kernel, this.demand(column, who), this.ownGroups(), this.signal));
  }

  /** Which polygon of the level each point of a layer lies in (-1 none). */
  pointArea(layer: LayerName, level: 'region' | 'district'): Int32Array {
    const links = level === 'region' ? this.links.pointRegion : this.links.pointDistrict;
    return links[layer] ?? new Int32Array(this.bundle[layer as 'demand']?.ids.length ?? 0).fill(-1);
  }
}
