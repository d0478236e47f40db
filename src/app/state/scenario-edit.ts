/**
 * Edits a planner makes to a scenario, as pure functions (scenario in, new scenario out), so the
 * panel, the URL and the tests all agree on what a change means.
 */
import type { Scenario } from '../engine-api.ts';

export type Level = 'region' | 'district' | 'site';
type Criterion = Scenario['criteria'][number];
type Direction = NonNullable<Criterion['direction']>;

export function weightAt(criterion: Criterion, level: Level): number {
  return criterion.levels?.[level] ?? criterion.weight;
}

function mapCriterion(scenario: Scenario, id: string, edit: (c: Criterion) => Criterion): Scenario {
  return { ...scenario, criteria: scenario.criteria.map((c) => (c.id === id ? edit(c) : c)) };
}

/** The weight of one criterion at one level (the other levels keep theirs). */
export function setWeight(scenario: Scenario, id: string, level: Level, weight: number): Scenario {
  return mapCriterion(scenario, id, (c) => ({ ...c, levels: { ...c.levels, [level]: weight } }));
}

/** Weights of the level, keyed by criterion id: what `rerank` takes. */
export function levelWeights(scenario: Scenario, level: Level): Record<string, number> {
  return Object.fromEntries(scenario.criteria.map((c) => [c.id, weightAt(c, level)]));
}

export function setNormalise(scenario: Scenario, id: string, normalise: Criterion['normalise']): Scenario {
  return mapCriterion(scenario, id, (c) => ({ ...c, normalise }));
}

export function setDirection(scenario: Scenario, id: string, direction: Direction): Scenario {
  return mapCriterion(scenario, id, (c) => ({ ...c, direction }));
}

export function setTopK(scenario: Scenario, level: 'regions' | 'districts' | 'sites', topK: number | undefined): Scenario {
  const cut = { ...scenario.funnel[level], topK };
  if (topK === undefined) delete cut.topK;
  return { ...scenario, funnel: { ...scenario.funnel, [level]: cut } };
}

export function setCombine(scenario: Scenario, combine: Scenario['combine']): Scenario {
  return { ...scenario, combine };
}

type NumericConstraint = 'minDistanceToOwn' | 'minSpacing' | 'topNPerRegion';

export function setConstraint(scenario: Scenario, key: NumericConstraint, value: number | undefined): Scenario {
  const constraints = Object.fromEntries(Object.entries({ ...scenario.constraints, [key]: value }).filter(([, v]) => v !== undefined));
  return { ...scenario, constraints };
}

export function setMaxRent(scenario: Scenario, value: number | undefined): Scenario {
  const maxAttribute = { ...scenario.constraints.maxAttribute };
  if (value === undefined) delete maxAttribute.rent;
  else maxAttribute.rent = value;
  const { maxAttribute: _old, ...others } = scenario.constraints;
  return { ...scenario, constraints: Object.keys(maxAttribute).length === 0 ? others : { ...others, maxAttribute } };
}
