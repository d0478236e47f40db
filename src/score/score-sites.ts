/**
 * Batch scoring (the CLI's `score`): any point layer of sites against the bundle with the scenario's
 * site criteria, no funnel cut. Context terms, when weighted, use the scores of every district and
 * region (all compared, none cut).
 */
import { BundleInputs } from '../criteria/inputs.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { linkBundle } from '../data/link-bundle.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScoreOptions } from './funnel.ts';
import type { Progress } from './level-criteria.ts';
import { scoreAreas } from './score-areas.ts';
import { scoreSiteSet } from './score-site-set.ts';
import type { LevelResult } from './types.ts';

export async function scoreSites(bundle: LoadedBundle, scenario: Scenario, sites: PointLayer, opts: ScoreOptions = {}): Promise<LevelResult> {
  const kernel = opts.kernel ?? createKernel();
  const links = linkBundle(bundle);
  const inputs = new BundleInputs(bundle, scenario, links, kernel, opts.signal);
  const progress: Progress = { signal: opts.signal, onProgress: opts.onProgress, warnings: [] };
  const { districts, regions } = bundle;
  const n = sites.ids.length;
  const district = districts ? assignPointsToPolygons(sites.lon, sites.lat, districts.geometries) : new Int32Array(n).fill(-1);
  const region = Int32Array.from(district, (d) => (d >= 0 ? links.districtRegion[d] : -1));
  if (regions) {
    // sites outside every district may still lie in a region
    const rest = assignPointsToPolygons(sites.lon, sites.lat, regions.geometries);
    for (let i = 0; i < n; i++) if (region[i] < 0) region[i] = rest[i];
  }
  const all = (k: number) => Int32Array.from({ length: k }, (_, i) => i);
  const context = scenario.funnel.context;
  let districtScore: Float64Array | undefined;
  let regionScore: Float64Array | undefined;
  if (districts && context.district > 0) {
    const level = await scoreAreas(inputs, districts, 'district', all(districts.ids.length), links.districtRegion, {}, progress);
    districtScore = Float64Array.from(district, (d) => (d >= 0 ? level.score[d] : NaN));
  }
  if (regions && context.region > 0) {
    const level = await scoreAreas(inputs, regions, 'region', all(regions.ids.length), new Int32Array(regions.ids.length).fill(-1), {}, progress);
    regionScore = Float64Array.from(region, (r) => (r >= 0 ? level.score[r] : NaN));
  }
  const result = await scoreSiteSet(inputs, { sites, district, region, parent: district, districtScore, regionScore }, progress);
  if (progress.warnings.length) result.warnings = progress.warnings;
  return result;
}
