/**
 * The three-level funnel of DESIGN §4, strictly in order: score the regions (areal forms), keep the
 * top K; score the districts inside the kept regions, keep the top K; score the candidate sites
 * inside the kept districts (or a lattice there when the bundle has no candidates) and keep the
 * best that meet the constraints. A missing polygon layer skips its level (an empty result).
 */
import { BundleInputs } from '../criteria/inputs.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { linkBundle, type BundleLinks } from '../data/link-bundle.ts';
import { createKernel } from '../kernel/index.ts';
import type { SiteKernel } from '../kernel/types.ts';
import type { Database } from '../db/database.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { latticeInside } from './lattice.ts';
import { outsideNotes, outsideStudyArea } from './outside-study-area.ts';
import type { Progress } from './level-criteria.ts';
import { emptyLevel, scoreAreas } from './score-areas.ts';
import { contextWarnings, scoreSiteSet } from './score-site-set.ts';
import { subsetPointLayer } from './subset-layer.ts';
import type { FunnelResult, LevelResult } from './types.ts';

export interface ScoreOptions {
  /**
   * The DuckDB every level is scored in (normalised, combined, ranked and cut by SQL, src/db/score-sql.ts),
   * which also runs the scenario's SQL filter. The caller owns it: DuckDB-WASM in the page's worker,
   * openDatabase() from 'siteselect/node' in Node (native, else WASM). It is not closed here.
   */
  database: Database;
  kernel?: SiteKernel;
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
}

export async function runFunnel(bundle: LoadedBundle, scenario: Scenario, opts: ScoreOptions): Promise<FunnelResult> {
  const kernel = opts.kernel ?? createKernel();
  const links = linkBundle(bundle);
  const inputs = new BundleInputs(bundle, scenario, links, kernel, opts.signal, opts.database);
  const progress: Progress = { signal: opts.signal, onProgress: opts.onProgress, warnings: contextWarnings(scenario, bundle) };
  const { regions: regionLayer, districts: districtLayer } = bundle;

  // 1. Regions: all of them are compared.
  const regions = regionLayer
    ? await scoreAreas(opts.database, inputs, regionLayer, 'region', allOf(regionLayer.ids.length), new Int32Array(regionLayer.ids.length).fill(-1), scenario.funnel.regions, progress)
    : emptyLevel('region');

  // 2. Districts inside the kept regions (all districts when there is no regions layer).
  let districts = emptyLevel('district');
  /** Per district of the layer: its position in `districts`, -1 when not compared. */
  let districtPosition: Int32Array = new Int32Array(0);
  if (districtLayer) {
    const region = links.districtRegion;
    const units = regionLayer ? filterIndex(region.length, (d) => region[d] >= 0 && regions.kept[region[d]] === 1) : allOf(region.length);
    const orphans = regionLayer ? region.filter((r) => r < 0).length : 0;
    if (orphans > 0) progress.warnings.push(notCompared(orphans, 'district', 'in no region'));
    districtPosition = positions(region.length, units);
    districts = await scoreAreas(opts.database, inputs, districtLayer, 'district', units, Int32Array.from(units, (d) => region[d]), scenario.funnel.districts, progress);
  }

  // 3. Sites inside the kept districts (kept regions when there are no districts).
  const { sites, district, region } = siteUniverse(bundle, links, districts, districtPosition, regions, scenario.funnel.latticeSpacing);
  const outside = outsideCandidates(bundle, links);
  progress.warnings.push(...outsideNotes(outside));
  if (!bundle.candidates) progress.warnings.push(`no candidates layer: ${sites.ids.length} lattice sites generated every ${scenario.funnel.latticeSpacing} m inside the kept districts`);
  const parent = Int32Array.from(district, (d) => (d >= 0 && d < districtPosition.length ? districtPosition[d] : -1));
  const siteLevel = await scoreSiteSet(opts.database, inputs, {
    sites,
    district,
    region,
    parent,
    districtScore: Float64Array.from(parent, (p) => (p >= 0 ? districts.score[p] : NaN)),
    regionScore: Float64Array.from(region, (r) => (r >= 0 && r < regions.score.length ? regions.score[r] : NaN)),
  }, progress);
  const result: FunnelResult = { regions, districts, sites: siteLevel };
  if (outside.ids.length) result.outside = outside;
  const unreached = unreachedCandidates(bundle, links, districtPosition, districts, regions, outside.index);
  if (unreached.ids.length) result.unreached = unreached;
  if (progress.warnings.length) result.warnings = progress.warnings;
  return result;
}

/**
 * The sites compared at the site level and the district (layer index) of each: candidates inside
 * the kept districts, else a lattice generated there.
 */
function siteUniverse(
  bundle: LoadedBundle,
  links: BundleLinks,
  districts: LevelResult,
  districtPosition: Int32Array,
  regions: LevelResult,
  spacing: number,
): { sites: PointLayer; district: Int32Array; region: Int32Array } {
  const keptDistrict = (d: number) => d >= 0 && districtPosition[d] >= 0 && districts.kept[districtPosition[d]] === 1;
  const hasDistricts = bundle.districts !== undefined;
  const hasRegions = bundle.regions !== undefined;
  const candidates = bundle.candidates;
  if (candidates) {
    const inDistrict = links.pointDistrict.candidates ?? new Int32Array(candidates.ids.length).fill(-1);
    const inRegion = links.pointRegion.candidates ?? new Int32Array(candidates.ids.length).fill(-1);
    const index = filterIndex(candidates.ids.length, (i) =>
      hasDistricts ? keptDistrict(inDistrict[i]) : hasRegions ? inRegion[i] >= 0 && regions.kept[inRegion[i]] === 1 : true);
    return { sites: subsetPointLayer(candidates, index), district: Int32Array.from(index, (i) => inDistrict[i]), region: Int32Array.from(index, (i) => inRegion[i]) };
  }
  if (!bundle.districts) return { sites: emptyCandidates(), district: new Int32Array(0), region: new Int32Array(0) };
  const kept = filterIndex(districtPosition.length, keptDistrict);
  const { sites, area } = latticeInside(Array.from(kept, (d) => bundle.districts!.geometries[d]), spacing);
  const district = Int32Array.from(area, (a) => kept[a]);
  return { sites, district, region: Int32Array.from(district, (d) => links.districtRegion[d]) };
}

/** The bundle's candidates that lie outside the study area (outside-study-area.ts): never compared. */
function outsideCandidates(bundle: LoadedBundle, links: BundleLinks): NonNullable<FunnelResult['outside']> {
  const candidates = bundle.candidates;
  if (!candidates) return { ids: [], reasons: [], index: [] };
  const none = new Int32Array(candidates.ids.length).fill(-1);
  const { index, reasons } = outsideStudyArea(bundle, links.pointDistrict.candidates ?? none, links.pointRegion.candidates ?? none, true);
  return { ids: index.map((i) => candidates.ids[i]), reasons, index };
}

/**
 * The candidates inside the study area whose district (or region, without districts) the funnel
 * cut: not scored, so the page can say why for every one of them.
 */
function unreachedCandidates(
  bundle: LoadedBundle,
  links: BundleLinks,
  districtPosition: Int32Array,
  districts: LevelResult,
  regions: LevelResult,
  outside: number[],
): NonNullable<FunnelResult['unreached']> {
  const candidates = bundle.candidates;
  if (!candidates || (!bundle.districts && !bundle.regions)) return { ids: [], index: new Int32Array(0), district: new Int32Array(0), region: new Int32Array(0) };
  const none = new Int32Array(candidates.ids.length).fill(-1);
  const inDistrict = links.pointDistrict.candidates ?? none;
  const inRegion = links.pointRegion.candidates ?? none;
  const skip = new Set(outside);
  const position = (d: number): number => (d >= 0 && d < districtPosition.length ? districtPosition[d] : -1);
  const reached = (i: number): boolean => {
    if (bundle.districts) return position(inDistrict[i]) >= 0 && districts.kept[position(inDistrict[i])] === 1;
    return regions.kept[inRegion[i]] === 1;
  };
  const index = filterIndex(candidates.ids.length, (i) => !skip.has(i) && !reached(i));
  return {
    ids: Array.from(index, (i) => candidates.ids[i]),
    index,
    district: Int32Array.from(index, (i) => position(inDistrict[i])),
    region: Int32Array.from(index, (i) => inRegion[i]),
  };
}

function notCompared(count: number, what: string, where: string): string {
  return count > 1 ? `${count} ${what}s lie ${where} and were not compared` : `1 ${what} lies ${where} and was not compared`;
}

function emptyCandidates(): PointLayer {
  return { kind: 'point', layer: 'candidates', ids: [], lon: new Float64Array(0), lat: new Float64Array(0), numeric: {}, text: {} };
}

function allOf(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function filterIndex(n: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}

/** position[i] = where i sits in `units`, -1 when absent. */
function positions(n: number, units: Int32Array): Int32Array {
  const out = new Int32Array(n).fill(-1);
  units.forEach((u, k) => (out[u] = k));
  return out;
}
