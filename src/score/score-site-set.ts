/**
 * Scores a set of sites with the site forms of the criteria, the optional context terms (their
 * district's and region's scores) and the constraints; used by the funnel and by batch scoring.
 */
import { SiteEvaluator } from '../criteria/evaluate-site.ts';
import type { BundleInputs } from '../criteria/inputs.ts';
import type { PointLayer } from '../data/layer.ts';
import { buildLevel, type ContextTerm } from './build-level.ts';
import { checkConstraints } from './constraints.ts';
import { levelCriteria, type Progress } from './level-criteria.ts';
import type { LevelResult } from './types.ts';

export interface SiteSetInput {
  sites: PointLayer;
  /** Per site: index into bundle.districts (-1 none): for network_norm. */
  district: Int32Array;
  /** Per site: group for top N per region (region index, -1 none). */
  region: Int32Array;
  /** Per site: index into the district level result (-1 none). */
  parent: Int32Array;
  /** Per site: its district's and region's score (NaN none), when context weights are set. */
  districtScore?: Float64Array;
  regionScore?: Float64Array;
}

export async function scoreSiteSet(inputs: BundleInputs, input: SiteSetInput, progress: Progress): Promise<LevelResult> {
  const { scenario } = inputs;
  const { sites } = input;
  const evaluator = new SiteEvaluator(inputs, { sites, district: input.district });
  const criteria = await levelCriteria(scenario, 'site', (spec) => evaluator.evaluate(spec), (c) => c, progress);
  const context: ContextTerm[] = [];
  const weights = scenario.funnel.context;
  if (weights.district > 0 && input.districtScore) context.push({ name: 'context_district', label: 'District score', weight: weights.district, raw: input.districtScore });
  if (weights.region > 0 && input.regionScore) context.push({ name: 'context_region', label: 'Region score', weight: weights.region, raw: input.regionScore });
  const { eligible, excludedBy } = await checkConstraints(inputs.kernel, sites, inputs.own(), scenario.constraints, inputs.signal);
  const { topK, minScore } = scenario.funnel.sites;
  const { topNPerRegion, minSpacing } = scenario.constraints;
  return buildLevel({
    level: 'site',
    ids: sites.ids,
    names: sites.ids.map((id, i) => sites.text.name?.[i] || sites.text.address?.[i] || id),
    lon: sites.lon,
    lat: sites.lat,
    parent: input.parent,
    criteria,
    context,
    combine: scenario.combine,
    keepRule: {
      topK, minScore, eligible, minSpacing,
      ...(topNPerRegion !== undefined ? { perGroup: { limit: topNPerRegion, group: input.region } } : {}),
    },
    excludedBy,
  });
}
