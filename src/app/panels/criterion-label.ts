/**
 * A criterion's name and unit in the page language: the scenario's own label when it has one,
 * else its kind translated (never its id, which is a code); the unit of its raw value at a level.
 */
import { criterionUnit, type MeasureUnit, type Scenario } from '../engine-api.ts';
import type { MessageKey } from '../i18n/en.ts';
import { en } from '../i18n/en.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import type { Level } from '../state/scenario-edit.ts';

export function criterionLabel(scenario: Scenario | null, name: string): string {
  const criteria = scenario?.criteria ?? [];
  const spec = criteria.find((c) => c.id === name);
  if (spec?.label) return spec.label;
  const kind = spec?.kind ?? name;
  const key = `kind.${kind}`;
  const label = key in en ? t(key as MessageKey) : name;
  // Two unlabelled criteria of one kind: number them, in scenario order.
  const same = criteria.filter((c) => c.kind === kind && !c.label);
  return spec && same.length > 1 ? `${label} ${same.indexOf(spec) + 1}` : label;
}

export function criterionUnitOf(scenario: Scenario | null, name: string, level: Level): MeasureUnit {
  return criterionUnit(scenario?.criteria.find((c) => c.id === name), name, level);
}

export function unitText(unit: MeasureUnit): string {
  return currentLang() === 'zh' ? unit.zh : unit.en;
}
