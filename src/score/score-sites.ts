/**
 * Batch scoring (the CLI's `score`): any point layer of sites against the bundle with the scenario's
 * site criteria, no funnel cut. Context terms, when weighted, use the scores of every district and
 * region (all compared, none cut). The steps are exported one by one so that a long list can be
 * scored in chunks (src/node/duckdb-sites.ts): areas once, then the sites' raw criteria per chunk.
 */
import { BundleInputs } from '../criteria/inputs.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { linkBundle, type BundleLinks } from '../data/link-bundle.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScoreOptions } from './funnel.ts';
import type { Progress } from './level-criteria.ts';
import { scoreAreas } from './score-areas.ts';
import { contextWarnings, scoreSiteSet } from './score-site-set.ts';
import type { LevelResult } from './types.ts';

/** What scoring any sites against a bundle needs, computed once: inputs and the areas' scores. */
export interface SiteScoring {
  inputs: BundleInputs;
  links: BundleLinks;
  progress: Progress;
  /** Per district / region: its score, when the scenario weights that context term. */
  districtScore?: Float64Array;
  regionScore?: Float64Array;
}

export async function prepareSiteScoring(bundle: LoadedBundle, scenario: Scenario, opts: ScoreOptions): Promise<SiteScoring> {
  const kernel = opts.kernel ?? createKernel();
  const links = linkBundle(bundle);
  const inputs = new BundleInputs(bundle, scenario, links, kernel, opts.signal, opts.database);
  const progress: Progress = { signal: opts.signal, onProgress: opts.onProgress, warnings: contextWarnings(scenario, bundle) };
  const { districts, regions } = bundle;
  const all = (k: number) => Int32Array.from({ length: k }, (_, i) => i);
  const context = scenario.funnel.context;
  const scoring: SiteScoring = { inputs, links, progress };
  if (districts && context.district > 0) {
    scoring.districtScore = (await scoreAreas(opts.database, inputs, districts, 'district', all(districts.ids.length), links.districtRegion, {}, progress)).score;
  }
  if (regions && context.region > 0) {
    scoring.regionScore = (await scoreAreas(opts.database, inputs, regions, 'region', all(regions.ids.length), new Int32Array(regions.ids.length).fill(-1), {}, progress)).score;
  }
  return scoring;
}

/** The district (-1 none) each site lies in, and its region: the district's, else by containment. */
export function locateSites(bundle: LoadedBundle, links: Pick<BundleLinks, 'districtRegion'>, lon: Float64Array, lat: Float64Array): { district: Int32Array; region: Int32Array } {
  const { districts, regions } = bundle;
  const n = lon.length;
  const district = districts ? assignPointsToPolygons(lon, lat, districts.geometries) : new Int32Array(n).fill(-1);
  const region = Int32Array.from(district, (d) => (d >= 0 ? links.districtRegion[d] : -1));
  if (regions) {
    // sites outside every district may still lie in a region
    const rest = assignPointsToPolygons(lon, lat, regions.geometries);
    for (let i = 0; i < n; i++) if (region[i] < 0) region[i] = rest[i];
  }
  return { district, region };
}

/** Each site's district and region score (NaN outside), for the weighted context terms. */
export function contextScores(scoring: SiteScoring, district: Int32Array, region: Int32Array): { districtScore?: Float64Array; regionScore?: Float64Array } {
  const { districtScore: ds, regionScore: rs } = scoring;
  return {
    ...(ds ? { districtScore: Float64Array.from(district, (d) => (d >= 0 ? ds[d] : NaN)) } : {}),
    ...(rs ? { regionScore: Float64Array.from(region, (r) => (r >= 0 ? rs[r] : NaN)) } : {}),
  };
}

export async function scoreSites(bundle: LoadedBundle, scenario: Scenario, sites: PointLayer, opts: ScoreOptions): Promise<LevelResult> {
  const scoring = await prepareSiteScoring(bundle, scenario, opts);
  const { district, region } = locateSites(bundle, scoring.links, sites.lon, sites.lat);
  const context = contextScores(scoring, district, region);
  const { inputs, progress } = scoring;
  const result = await scoreSiteSet(opts.database, inputs, { sites, district, region, parent: district, ...context }, progress);
  if (progress.warnings.length) result.warnings = progress.warnings;
  return result;
}
