/**
 * Scores a set of sites with the site forms of the criteria, the optional context terms (their
 * district's and region's scores) and the constraints; used by the funnel and by batch scoring.
 */
import { SiteEvaluator } from '../criteria/evaluate-site.ts';
import type { BundleInputs } from '../criteria/inputs.ts';
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import type { Database } from '../db/database.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { scoreLevel, type ContextTerm, type RawCriterion } from './score-level.ts';
import { checkConstraints } from './constraints.ts';
import { levelCriteria, type Progress } from './level-criteria.ts';
import type { Exclusion } from './not-kept.ts';
import type { KeepRule, LevelResult } from './types.ts';

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

/** The raw site criteria and constraints of a set of sites: what scoreLevel needs besides them. */
export interface SiteSetColumns {
  criteria: RawCriterion[];
  eligible: Uint8Array;
  excludedBy: string[];
  exclusions: (Exclusion | null)[];
}

/**
 * Per-site values only (each site's raw values do not depend on the other sites), so a long list
 * can be evaluated in chunks and the chunks' columns joined before scoreLevel.
 */
export async function siteSetColumns(inputs: BundleInputs, input: Pick<SiteSetInput, 'sites' | 'district'>, progress: Progress): Promise<SiteSetColumns> {
  const { scenario } = inputs;
  const { sites } = input;
  const evaluator = new SiteEvaluator(inputs, { sites, district: input.district });
  const criteria = await levelCriteria(scenario, 'site', (spec) => evaluator.evaluate(spec), (c) => c, progress);
  const network = inputs.bundle.network;
  const ownNames = network ? network.ids.map((id, i) => network.text.name?.[i] || id) : [];
  const { eligible, excludedBy, exclusions } = await checkConstraints(inputs.kernel, sites, inputs.own(), scenario.constraints, { signal: inputs.signal, ownNames, database: inputs.database });
  return { criteria, eligible, excludedBy, exclusions };
}

/** Which area layers the bundle has: a context term needs its layer. */
export type AreaLayers = Pick<LoadedBundle, 'districts' | 'regions'>;

/**
 * The weighted context terms: each site's district and region score. The one rule for the funnel
 * and batch scoring alike: a term enters only when the scenario weights it and the bundle has its
 * layer; without the layer it is left out (contextWarnings says so), never scored as 0.
 */
export function contextTerms(scenario: Scenario, layers: AreaLayers, districtScore?: Float64Array, regionScore?: Float64Array): ContextTerm[] {
  const context: ContextTerm[] = [];
  const weights = scenario.funnel.context;
  if (weights.district > 0 && layers.districts && districtScore) context.push({ name: 'context_district', label: 'District score', weight: weights.district, raw: districtScore });
  if (weights.region > 0 && layers.regions && regionScore) context.push({ name: 'context_region', label: 'Region score', weight: weights.region, raw: regionScore });
  return context;
}

/** The warning for each weighted context term whose layer the bundle lacks (said once a run). */
export function contextWarnings(scenario: Scenario, layers: AreaLayers): string[] {
  const weights = scenario.funnel.context;
  return (['district', 'region'] as const)
    .filter((level) => weights[level] > 0 && !layers[level === 'district' ? 'districts' : 'regions'])
    .map((level) => `the scenario weights the ${level} score (funnel.context.${level} ${weights[level]}) but the bundle has no ${level}s layer: the term is left out of every site's score`);
}

/** How the scenario keeps sites (top K, minimum score, eligibility, spacing, top N per region). */
export function siteKeepRule(scenario: Scenario, eligible: Uint8Array, region: Int32Array): KeepRule {
  const { topK, minScore } = scenario.funnel.sites;
  const { topNPerRegion, minSpacing } = scenario.constraints;
  return {
    topK, minScore, eligible, minSpacing,
    ...(topNPerRegion !== undefined ? { perGroup: { limit: topNPerRegion, group: region } } : {}),
  };
}

/** Scored, ranked and kept in `db` (score-level.ts). */
export async function scoreSiteSet(db: Database, inputs: BundleInputs, input: SiteSetInput, progress: Progress): Promise<LevelResult> {
  const { scenario } = inputs;
  const { sites } = input;
  const { criteria, eligible, excludedBy, exclusions } = await siteSetColumns(inputs, input, progress);
  return scoreLevel(db, {
    level: 'site',
    ids: sites.ids,
    names: sites.ids.map((id, i) => sites.text.name?.[i] || sites.text.address?.[i] || id),
    lon: sites.lon,
    lat: sites.lat,
    parent: input.parent,
    criteria,
    context: contextTerms(scenario, inputs.bundle, input.districtScore, input.regionScore),
    combine: scenario.combine,
    keepRule: siteKeepRule(scenario, eligible, input.region),
    excludedBy,
    exclusions,
  });
}
