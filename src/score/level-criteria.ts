/**
 * Evaluates the scenario's criteria that carry weight at a level, in scenario order, and turns
 * them into raw columns for scoreLevel; a criterion whose layer is missing is left out with a
 * warning rather than failing the run.
 */
import type { Evaluated } from '../criteria/evaluate-site.ts';
import { directionOf, levelWeight, travelLabel, type CriterionSpec, type Level } from '../scenario/criterion-spec.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { RawCriterion } from './score-level.ts';

export interface Progress {
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
  warnings: string[];
}

const LABELS: Record<CriterionSpec['kind'], string> = {
  demand: 'Demand',
  competition: 'Competition',
  huff_share: 'Huff capture',
  cannibalisation: 'Cannibalisation',
  agglomeration: 'Agglomeration',
  access: 'Access',
  coverage_gap: 'Coverage gap',
  network_norm: 'Residents per outlet',
  attribute: 'Attribute',
  forecast_net: 'Net forecast',
};

/** What a criterion kind measures, in words ("Huff capture" for huff_share). */
export function kindLabel(kind: CriterionSpec['kind']): string {
  return LABELS[kind];
}

/** The label; a criterion measured over a street network says so ("Demand (walk network, min)"). */
export function criterionLabel(spec: CriterionSpec): string {
  const label = spec.label ?? (spec.kind === 'attribute' ? spec.column : LABELS[spec.kind]);
  return 'travel' in spec && spec.travel?.metric === 'network' ? `${label} (${travelLabel(spec.travel)})` : label;
}

/** `pick` maps the evaluated column (over all units of the layer) onto the units compared. */
export async function levelCriteria(
  scenario: Scenario,
  level: Level,
  evaluate: (spec: CriterionSpec) => Promise<Evaluated>,
  pick: (column: Float64Array) => Float64Array,
  progress: Progress,
): Promise<RawCriterion[]> {
  const active = scenario.criteria.filter((c) => levelWeight(c, level) > 0);
  const out: RawCriterion[] = [];
  for (let k = 0; k < active.length; k++) {
    const spec = active[k];
    if (progress.signal?.aborted) throw progress.signal.reason instanceof Error ? progress.signal.reason : new Error('aborted');
    progress.onProgress?.(`${level}: ${spec.id}`, k / active.length);
    const result = await evaluate(spec);
    if ('missing' in result) {
      if (!result.quiet) progress.warnings.push(`criterion "${spec.id}" left out at the ${level} level: ${result.missing}`);
      continue;
    }
    for (const note of result.notes ?? []) progress.warnings.push(`criterion "${spec.id}" at the ${level} level: ${note}`);
    out.push({ name: spec.id, label: criterionLabel(spec), weight: levelWeight(spec, level), raw: pick(result.raw), normalise: spec.normalise, direction: directionOf(spec, level) });
  }
  progress.onProgress?.(level, 1);
  if (active.length > 0 && out.length === 0) progress.warnings.push(`no criterion could be computed at the ${level} level; every unit scores 0`);
  return out;
}
